package org.yunwei.database.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's JDBC event publication registry, with the round trips of a transaction that publishes many
 * events at once taken together (the SLA scheduler raises a thousand deadlines in one transaction): Spring Modulith
 * writes one row per publication, one statement each, and after the commit marks each publication of a synchronous
 * listener processing and then completed, two transactions each. Here
 * <ul>
 * <li>the publications of a transaction are written with one statement just before it commits (and before any other
 * use of the registry in it, so that the transaction reads its own publications);</li>
 * <li>after that commit, the synchronous listeners that run on the committing thread have their completed
 * publications deleted with one statement once they have all run, and are not marked processing in between.</li>
 * </ul>
 * What Spring Modulith promises stays: a publication commits with the transaction that published it, or not at all,
 * and one whose completion was not recorded (the process stopped between a listener and the delete) is delivered
 * again, at least once, as always. Listeners on other threads ({@code @ApplicationModuleListener}) are marked as
 * Spring Modulith marks them. Publications outside a transaction, and everything else, go to Spring Modulith's
 * repository as they are.
 * <p>
 * Written for the registry's second table layout (the default) in PostgreSQL, with completed publications deleted
 * ({@code spring.modulith.events.completion-mode=delete}); {@link EventPublicationBatching} applies it only then.
 */
final class BatchedEventPublications implements EventPublicationRepository {

	private static final Logger log = LoggerFactory.getLogger(BatchedEventPublications.class);

	/** The completions deferred on this thread while the synchronous listeners of a commit run; null outside. */
	private static final ThreadLocal<List<UUID>> deferredCompletions = new ThreadLocal<>();

	private final EventPublicationRepository delegate;
	private final JdbcTemplate jdbc;
	private final EventSerializer serializer;
	private final TransactionTemplate separately;
	private final String insert;
	private final String delete;

	BatchedEventPublications(EventPublicationRepository delegate, JdbcTemplate jdbc, EventSerializer serializer,
			PlatformTransactionManager transactions, String table) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// the columns and values Spring Modulith's own insert writes
		this.insert = """
				insert into %s (id, event_type, listener_id, publication_date, serialized_event, status,
				    completion_attempts, last_resubmission_date)
				select id, event_type, listener_id, published::timestamptz, serialized_event, status, 1,
				    published::timestamptz
				from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as p(id, event_type, listener_id, published, serialized_event, status)""".formatted(table);
		this.delete = "delete from %s where id = any(?::uuid[])".formatted(table);
	}

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		Pending pending = pending();
		if (pending == null) {
			return delegate.create(publication);
		}
		pending.publications.add(publication);
		return publication;
	}

	/** This transaction's publications still to be written, {@code null} when they are written at once. */
	private Pending pending() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		return pending.written ? null : pending;
	}

	/** Writes what this transaction published so far, before the registry is otherwise used in it. */
	private void flush() {
		Pending pending = TransactionSynchronizationManager.isActualTransactionActive()
				? (Pending) TransactionSynchronizationManager.getResource(this) : null;
		if (pending != null) {
			pending.write();
		}
	}

	private void write(List<TargetEventPublication> publications) {
		int n = publications.size();
		UUID[] ids = new UUID[n];
		String[] types = new String[n];
		String[] listeners = new String[n];
		String[] published = new String[n];
		String[] events = new String[n];
		String[] statuses = new String[n];
		for (int i = 0; i < n; i++) {
			TargetEventPublication publication = publications.get(i);
			ids[i] = publication.getIdentifier();
			types[i] = publication.getEvent().getClass().getName();
			listeners[i] = publication.getTargetIdentifier().getValue();
			published[i] = publication.getPublicationDate().toString();
			events[i] = serializer.serialize(publication.getEvent()).toString();
			statuses[i] = publication.getStatus().name();
		}
		jdbc.update(insert, ids, types, listeners, published, events, statuses);
	}

	/**
	 * The publications of one transaction: written before it commits. After the commit, the synchronous listeners
	 * run on this thread (Spring runs them as the transaction completes) and their completions are collected; a
	 * synchronization registered then, and so run after theirs, deletes the completed publications together.
	 */
	private final class Pending implements TransactionSynchronization {

		private final List<TargetEventPublication> publications = new ArrayList<>();
		private boolean written;

		void write() {
			if (!written) {
				written = true;
				if (!publications.isEmpty()) {
					BatchedEventPublications.this.write(publications);
				}
			}
		}

		@Override
		public void suspend() {
			// a transaction within this one (REQUIRES_NEW) has publications of its own
			TransactionSynchronizationManager.unbindResource(BatchedEventPublications.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(BatchedEventPublications.this, this);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
		}

		@Override
		public void beforeCompletion() {
			TransactionSynchronizationManager.unbindResourceIfPossible(BatchedEventPublications.this);
			if (!written) {
				// the first publication came from another synchronization's beforeCommit, after the commit had
				// asked the registered ones; or the transaction rolls back. A failed write fails the commit too, as
				// PostgreSQL refuses to commit a transaction with a failed statement.
				try {
					write();
				}
				catch (RuntimeException e) {
					log.debug("Event publications not written as the transaction completes", e);
				}
			}
		}

		@Override
		public void afterCommit() {
			if (!publications.isEmpty() && deferredCompletions.get() == null) {
				deferredCompletions.set(new ArrayList<>());
				TransactionSynchronizationManager.registerSynchronization(new CompletionsAfterListeners());
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(BatchedEventPublications.this);
		}
	}

	/** Registered last and ordered last, so that it runs after every listener of the committed transaction. */
	private final class CompletionsAfterListeners implements TransactionSynchronization {

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void afterCompletion(int status) {
			List<UUID> completed = deferredCompletions.get();
			deferredCompletions.remove();
			if (completed != null) {
				deleteCompleted(completed);
			}
		}
	}

	private void deleteCompleted(List<UUID> completed) {
		if (completed.isEmpty()) {
			return;
		}
		try {
			UUID[] ids = completed.toArray(UUID[]::new);
			separately.executeWithoutResult(status -> jdbc.update(delete, (Object) ids));
		}
		catch (RuntimeException e) {
			// left incomplete, so delivered again on the next resubmission: at least once, as promised
			log.warn("Could not record {} completed event publications; they will be delivered again",
					completed.size(), e);
		}
	}

	@Override
	public void markProcessing(UUID identifier) {
		if (deferredCompletions.get() == null) {
			delegate.markProcessing(identifier);
		}
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		List<UUID> deferred = deferredCompletions.get();
		if (deferred != null) {
			deferred.add(identifier);
		}
		else {
			delegate.markCompleted(identifier, completionDate);
		}
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		flush();
		delegate.markCompleted(event, identifier, completionDate);
	}

	@Override
	public void markFailed(UUID identifier) {
		flush();
		delegate.markFailed(identifier);
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		flush();
		return delegate.markResubmitted(identifier, resubmissionDate);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		flush();
		return delegate.findIncompletePublications();
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		flush();
		return delegate.findIncompletePublicationsPublishedBefore(instant);
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		flush();
		return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		flush();
		return delegate.findCompletedPublications();
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		flush();
		delegate.deletePublications(identifiers);
	}

	@Override
	public void deleteCompletedPublications() {
		flush();
		delegate.deleteCompletedPublications();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		flush();
		delegate.deleteCompletedPublicationsBefore(instant);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		flush();
		return delegate.findFailedPublications(criteria);
	}

	@Override
	public List<TargetEventPublication> findByStatus(org.springframework.modulith.events.EventPublication.Status status) {
		flush();
		return delegate.findByStatus(status);
	}

	@Override
	public int countByStatus(org.springframework.modulith.events.EventPublication.Status status) {
		flush();
		return delegate.countByStatus(status);
	}
}
