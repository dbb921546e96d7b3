package org.yunwei.notification.internal;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.stereotype.Component;
import org.yunwei.notification.Notice;

/**
 * Delivers each {@link Notice} after the transaction that published it committed, through the event publication
 * registry: a notice that was not delivered when the application stopped is delivered again at the next start.
 * <p>
 * The rows written are keyed by the id of the notice's publication in the registry, which stays the same when a
 * delivery is repeated (its rows committed but the application stopped before the publication was marked
 * complete): the repetition writes nothing. An equal notice published later is another publication and is
 * delivered again.
 */
@Component
class NoticeListener {

	static final String ID = "notification.notice-delivery";

	private final NoticeFanOut fanOut;
	private final EventPublicationRepository publications;

	NoticeListener(NoticeFanOut fanOut, EventPublicationRepository publications) {
		this.fanOut = fanOut;
		this.publications = publications;
	}

	@ApplicationModuleListener(id = ID)
	void on(Notice notice) {
		fanOut.write(keyOf(notice), notice);
	}

	/**
	 * The id of the oldest publication of this notice that is still owed to this listener; a new key when there is
	 * none (the notice did not come through the registry), which nothing can repeat.
	 */
	UUID keyOf(Notice notice) {
		return publications.findIncompletePublicationsByEventAndTargetIdentifier(notice, PublicationTargetIdentifier.of(ID))
			.map(EventPublication::getIdentifier)
			.orElseGet(UUID::randomUUID);
	}
}
