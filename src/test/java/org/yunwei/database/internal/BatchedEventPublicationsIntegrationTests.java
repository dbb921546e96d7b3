package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.support.IntegrationTestSupport;

/**
 * The event publication registry with a transaction's publications written together and the completions of its
 * synchronous listeners deleted together: what Spring Modulith promises still holds.
 */
class BatchedEventPublicationsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theRegistryIsBatched() {
		assertThat(publications).isInstanceOf(BatchedEventPublications.class);
	}

	@Test
	void deliversEveryEventOfATransactionAfterItCommitsAndForgetsThemOnceDelivered() {
		String batch = UUID.randomUUID().toString();
		List<String> seenInside = new ArrayList<>();
		transactions().executeWithoutResult(status -> {
			for (int i = 0; i < 300; i++) {
				events.publishEvent(new Probed(batch, i, false));
			}
			// nothing is delivered before the commit, and the transaction reads its own publications
			seenInside.addAll(ProbedListener.received(batch));
			assertThat(incomplete(batch)).hasSize(300);
		});

		assertThat(seenInside).isEmpty();
		assertThat(ProbedListener.received(batch)).hasSize(300).doesNotHaveDuplicates();
		assertThat(stored(batch)).isZero();
	}

	@Test
	void aRolledBackTransactionPublishesNothing() {
		String batch = UUID.randomUUID().toString();
		transactions().executeWithoutResult(status -> {
			events.publishEvent(new Probed(batch, 1, false));
			status.setRollbackOnly();
		});

		assertThat(ProbedListener.received(batch)).isEmpty();
		assertThat(stored(batch)).isZero();
	}

	@Test
	void aFailedDeliveryStaysInTheRegistryForResubmissionWhileTheOthersAreForgotten() {
		String batch = UUID.randomUUID().toString();
		transactions().executeWithoutResult(status -> {
			events.publishEvent(new Probed(batch, 1, false));
			events.publishEvent(new Probed(batch, 2, true));
			events.publishEvent(new Probed(batch, 3, false));
		});

		assertThat(ProbedListener.received(batch)).containsExactly(batch + "#1", batch + "#3");
		assertThat(incomplete(batch)).singleElement().satisfies(publication -> {
			assertThat(((Probed) publication.getEvent()).number()).isEqualTo(2);
			assertThat(publication.getStatus().name()).isEqualTo("FAILED");
		});
		jdbc.sql("delete from event_publication where serialized_event like ?").param("%" + batch + "%").update();
	}

	@Test
	void aPublicationOutsideATransactionIsStoredAtOnceAsSpringModulithDoes() {
		String batch = UUID.randomUUID().toString();
		// a transactional listener hears nothing without a transaction; the publication stays owed
		events.publishEvent(new Probed(batch, 1, false));

		assertThat(ProbedListener.received(batch)).isEmpty();
		assertThat(stored(batch)).isEqualTo(1);
		jdbc.sql("delete from event_publication where serialized_event like ?").param("%" + batch + "%").update();
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(transactionManager);
	}

	private List<TargetEventPublication> incomplete(String batch) {
		return publications.findIncompletePublications()
			.stream()
			.filter(publication -> publication.getEvent() instanceof Probed probed && probed.batch().equals(batch))
			.toList();
	}

	private long stored(String batch) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + batch + "%")
			.query(Long.class)
			.single();
	}
}
