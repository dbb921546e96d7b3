package org.yunwei.compliance.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.web.Alongside;

/**
 * Asks the evidence sources of one register request side by side. Every module added sources (sixteen by now), and
 * asked one after the other their times added up past the register's 300 ms; side by side the slowest one decides.
 * <p>
 * Each source runs on a virtual thread ({@link Alongside}) in a read-only transaction of its own. All register requests together hold
 * at most {@code yunwei.compliance.parallel-sources} connections for their sources (default 4), so that a manager
 * opening the register cannot take the connection pool from the service desk; a source waits for its turn instead.
 * Each source's time is recorded as {@code yunwei.compliance.evidence} with the source's name, so that a slow one is
 * found in {@code /actuator/prometheus} rather than by guessing.
 */
@Component
class EvidenceGathering {

	private final TransactionTemplate readOnly;
	private final Semaphore connections;
	private final MeterRegistry meters;

	EvidenceGathering(PlatformTransactionManager transactions, MeterRegistry meters,
			@Value("${yunwei.compliance.parallel-sources:4}") int parallelSources) {
		if (parallelSources < 1) {
			throw new IllegalStateException("yunwei.compliance.parallel-sources must be at least 1, not "
					+ parallelSources);
		}
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.connections = new Semaphore(parallelSources, true);
		this.meters = meters;
	}

	/** The evidence of every given source for the request, by item id; evidence of one item from two sources joined. */
	Map<String, Evidence> gather(List<EvidenceSource> sources, EvidenceRequest request) {
		List<CompletableFuture<List<Evidence>>> asked = new ArrayList<>(sources.size());
		for (EvidenceSource source : sources) {
			asked.add(Alongside.start("compliance-evidence", () -> ask(source, request)));
		}
		Map<String, Evidence> evidence = new LinkedHashMap<>();
		for (int i = 0; i < sources.size(); i++) {
			EvidenceSource source = sources.get(i);
			Set<String> served = source.items();
			for (Evidence given : Alongside.joined(asked.get(i))) {
				if (!served.contains(given.itemId())) {
					throw new IllegalStateException(source.getClass().getName() + " gave evidence for "
							+ given.itemId() + ", which it does not serve");
				}
				evidence.merge(given.itemId(), given, Evidence::and);
			}
		}
		return evidence;
	}

	private List<Evidence> ask(EvidenceSource source, EvidenceRequest request) {
		connections.acquireUninterruptibly();
		try {
			Timer.Sample sample = Timer.start(meters);
			try {
				return readOnly.execute(status -> source.evidence(request));
			}
			finally {
				sample.stop(Timer.builder("yunwei.compliance.evidence")
					.description("Time one evidence source takes to answer the register")
					.tag("source", ClassUtils.getUserClass(source).getSimpleName())
					.register(meters));
			}
		}
		finally {
			connections.release();
		}
	}
}
