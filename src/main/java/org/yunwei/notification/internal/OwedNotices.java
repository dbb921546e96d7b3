package org.yunwei.notification.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.notification.Notice;

/**
 * Notices that earlier versions delivered after the commit, through the event publication registry, and still owed
 * when the application stopped: written at start, each in one transaction with the deletion of its publication. Their
 * rows are keyed by the publication's id, so a node starting at the same time writes nothing twice. (Spring Modulith
 * finds these publications first, logs that their listener is missing and marks them failed; they are written all
 * the same.)
 */
@Component
class OwedNotices {

	private static final Logger log = LoggerFactory.getLogger(OwedNotices.class);

	/** The id of the registry's listener that delivered notices before they were written with the change. */
	static final String FORMER_LISTENER = "notification.notice-delivery";

	private final EventPublicationRepository publications;
	private final NoticeFanOut fanOut;
	private final TransactionTemplate transactions;

	OwedNotices(EventPublicationRepository publications, NoticeFanOut fanOut, PlatformTransactionManager transactions) {
		this.publications = publications;
		this.fanOut = fanOut;
		this.transactions = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void deliver() {
		List<TargetEventPublication> owed = publications.findIncompletePublications().stream()
			.filter(p -> p.getTargetIdentifier().getValue().equals(FORMER_LISTENER) && p.getEvent() instanceof Notice)
			.toList();
		for (TargetEventPublication publication : owed) {
			transactions.executeWithoutResult(status -> {
				fanOut.write(publication.getIdentifier(), (Notice) publication.getEvent());
				publications.deletePublications(List.of(publication.getIdentifier()));
			});
		}
		if (!owed.isEmpty()) {
			log.info("Wrote {} notice(s) still owed by the former delivery after the commit", owed.size());
		}
	}
}
