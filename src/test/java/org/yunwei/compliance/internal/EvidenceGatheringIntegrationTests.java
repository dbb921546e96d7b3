package org.yunwei.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.compliance.EvidenceState;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.web.RejectedRequest;

/**
 * The register's sources asked side by side with the application's own transaction manager: each in a read-only
 * transaction of its own, all of them at once (none waits for another to finish), their evidence merged as before,
 * a source's own failure reaching the caller as itself, and each source's time recorded under its name.
 */
class EvidenceGatheringIntegrationTests extends IntegrationTestSupport {

	private static final EvidenceRequest REQUEST = new EvidenceRequest(LocalDate.of(2026, 11, 1),
			LocalDate.of(2026, 11, 30), ZoneId.of("Asia/Shanghai"), null, Instant.parse("2026-12-01T00:00:00Z"));

	@Autowired
	PlatformTransactionManager transactions;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void asksEverySourceAtOnceEachInAReadOnlyTransactionOfItsOwn() {
		CountDownLatch allAsked = new CountDownLatch(3);
		Map<String, String> seen = new ConcurrentHashMap<>();
		List<EvidenceSource> sources = List.of(new WaitingSource("4.3.2c", allAsked, seen),
				new WaitingSource("6.1.2e", allAsked, seen), new WaitingSource("7.3.2a", allAsked, seen));

		// each source waits until all three have been asked: asked one after the other, the first would time out
		Map<String, Evidence> evidence = new EvidenceGathering(transactions, meters, 4).gather(sources, REQUEST);

		assertThat(evidence).containsOnlyKeys("4.3.2c", "6.1.2e", "7.3.2a");
		assertThat(seen).containsOnly(Map.entry("4.3.2c", "read-only, all asked"),
				Map.entry("6.1.2e", "read-only, all asked"), Map.entry("7.3.2a", "read-only, all asked"));
		assertThat(meters.find("yunwei.compliance.evidence").tag("source", "WaitingSource").timer().count())
			.isEqualTo(3);
	}

	@Test
	void mergesTwoSourcesOfOneItem() {
		EvidenceSource partial = source("4.3.2c", () -> List.of(Evidence.partial("4.3.2c", List.of(), List.of())));
		EvidenceSource evidenced = source("4.3.2c", () -> List.of(Evidence.evidenced("4.3.2c", List.of())));

		Map<String, Evidence> evidence = new EvidenceGathering(transactions, meters, 1).gather(
				List.of(partial, evidenced), REQUEST);

		assertThat(evidence.get("4.3.2c").state()).isEqualTo(EvidenceState.EVIDENCED);
	}

	@Test
	void aSourcesOwnFailureReachesTheCallerAsItself() {
		RejectedRequest refusal = RejectedRequest.notFound("compliance-item");
		EvidenceSource failing = source("4.3.2c", () -> {
			throw refusal;
		});
		EvidenceSource fine = source("6.1.2e", () -> List.of(Evidence.evidenced("6.1.2e", List.of())));

		assertThatThrownBy(() -> new EvidenceGathering(transactions, meters, 2).gather(List.of(fine, failing),
				REQUEST)).isSameAs(refusal);
	}

	@Test
	void refusesEvidenceForAnItemTheSourceDoesNotServe() {
		EvidenceSource wrong = source("4.3.2c", () -> List.of(Evidence.evidenced("6.1.2e", List.of())));

		assertThatThrownBy(() -> new EvidenceGathering(transactions, meters, 2).gather(List.of(wrong), REQUEST))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("6.1.2e");
	}

	@Test
	void refusesToStartWithoutAConnectionForItsSources() {
		assertThatThrownBy(() -> new EvidenceGathering(transactions, meters, 0))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("parallel-sources");
	}

	private static EvidenceSource source(String item, java.util.function.Supplier<List<Evidence>> answer) {
		return new EvidenceSource() {

			@Override
			public Set<String> items() {
				return Set.of(item);
			}

			@Override
			public List<Evidence> evidence(EvidenceRequest request) {
				return answer.get();
			}
		};
	}

	private record WaitingSource(String item, CountDownLatch allAsked, Map<String, String> seen)
			implements EvidenceSource {

		@Override
		public Set<String> items() {
			return Set.of(item);
		}

		@Override
		public List<Evidence> evidence(EvidenceRequest request) {
			allAsked.countDown();
			boolean all;
			try {
				all = allAsked.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				all = false;
			}
			boolean readOnly = TransactionSynchronizationManager.isActualTransactionActive()
					&& TransactionSynchronizationManager.isCurrentTransactionReadOnly();
			seen.put(item, (readOnly ? "read-only" : "not read-only") + (all ? ", all asked" : ", asked alone"));
			return List.of(Evidence.evidenced(item, List.of()));
		}
	}
}
