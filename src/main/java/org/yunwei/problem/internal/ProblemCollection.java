package org.yunwei.problem.internal;

import java.util.List;
import java.util.Map;

import org.yunwei.sla.Priority;
import org.yunwei.web.FieldErrors;

/**
 * The 问题收集表: what is recorded when a problem is opened. Validated on construction through {@link #of}; that the
 * service and the configuration items exist and may be seen is checked by {@link ProblemWork}, which can ask.
 */
public record ProblemCollection(ProblemSource source, String subject, String description, String impact,
		Priority priority, Long serviceId, List<Long> configurationItemIds) {

	static final int SUBJECT_MAX = 200;
	static final int DESCRIPTION_MAX = 10_000;
	static final int IMPACT_MAX = 2000;
	static final int ITEMS_MAX = 20;

	public ProblemCollection {
		configurationItemIds = List.copyOf(configurationItemIds);
	}

	/** The form, or 422 naming every refused field. */
	public static ProblemCollection of(String source, String subject, String description, String impact,
			String priority, Long serviceId, List<Long> configurationItemIds) {
		FieldErrors errors = new FieldErrors();
		ProblemSource from = errors.constant(ProblemSource.class, source, "source");
		errors.required("subject", FieldErrors.clean(subject), SUBJECT_MAX);
		errors.required("description", FieldErrors.clean(description), DESCRIPTION_MAX);
		errors.required("impact", FieldErrors.clean(impact), IMPACT_MAX);
		Priority level = errors.constant(Priority.class, priority, "priority");
		List<Long> items = configurationItemIds == null ? List.of()
				: configurationItemIds.stream().filter(i -> i != null).distinct().toList();
		if (items.size() > ITEMS_MAX) {
			errors.add("configurationItemIds", "problems.items.too-many");
		}
		errors.throwIfAny();
		return new ProblemCollection(from, FieldErrors.clean(subject), description.strip(), impact.strip(), level,
				serviceId, items);
	}

	Map<String, Object> audited() {
		return Map.of("source", source.name(), "subject", subject, "priority", priority.name(), "serviceId",
				serviceId == null ? "" : serviceId, "configurationItemIds", configurationItemIds);
	}
}
