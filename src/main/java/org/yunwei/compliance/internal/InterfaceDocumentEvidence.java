package org.yunwei.compliance.internal;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The service interface document (10.3.2c 服务接口文档): the OpenAPI 3 document at {@code /v3/api-docs} and Swagger UI,
 * generated from the running application's REST operations under {@code /api/}. The figures count those operations and
 * how many carry their own description ({@link Operation}); the rest appear in the document with their path and
 * parameters only, which is flagged. The same for every provider: the interface is the platform's.
 */
@Component
class InterfaceDocumentEvidence implements EvidenceSource {

	/** Absent where the application runs without its web server (the dataset generator): no operations then. */
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;
	private volatile long[] counted;

	InterfaceDocumentEvidence(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public Set<String> items() {
		return Set.of("10.3.2c");
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		long[] operations = operations();
		Evidence document = Evidence.evidenced("10.3.2c", List.of(
				new Figure("evidence.api.operations", operations[0], null),
				new Figure("evidence.api.documented", operations[1], null)))
			.withLinks(List.of(new EvidenceLink("evidence.link.swagger", "/swagger-ui.html"),
					new EvidenceLink("evidence.link.api-docs", "/v3/api-docs")));
		if (operations[1] < operations[0]) {
			document = document.withGaps(List.of(Note.of("evidence.gap.undocumented-operations",
					operations[0] - operations[1])));
		}
		return List.of(document);
	}

	/**
	 * The REST operations under /api/ as the OpenAPI document lists them, a path and a method each (two handlers of
	 * one path and method, told apart by what they consume, are one operation there), and those described; counted
	 * once.
	 */
	long[] operations() {
		long[] known = counted;
		if (known == null) {
			java.util.Set<String> all = new java.util.HashSet<>();
			java.util.Set<String> documented = new java.util.HashSet<>();
			RequestMappingHandlerMapping web = mappings.getIfAvailable();
			var handlers = web == null ? java.util.Map.<RequestMappingInfo, HandlerMethod>of() : web.getHandlerMethods();
			for (var mapping : handlers.entrySet()) {
				RequestMappingInfo info = mapping.getKey();
				HandlerMethod method = mapping.getValue();
				var verbs = info.getMethodsCondition().getMethods();
				for (String path : info.getPatternValues()) {
					if (!path.startsWith("/api/")) {
						continue;
					}
					// a variable's pattern ({id:.+}) is not part of the documented path
					String documentedPath = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
					for (var verb : verbs.isEmpty() ? java.util.Set.of("ANY") : verbs) {
						String operation = verb + " " + documentedPath;
						all.add(operation);
						if (method.hasMethodAnnotation(Operation.class)) {
							documented.add(operation);
						}
					}
				}
			}
			known = new long[] { all.size(), documented.size() };
			counted = known;
		}
		return known;
	}
}
