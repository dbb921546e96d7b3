package org.yunwei.ticket;

import java.util.Map;

/**
 * An entry another module adds to a ticket's timeline, written for the signed-in person.
 *
 * @param kind what the entry records
 * @param visibleToCustomer whether the ticket's customer sees it (a rating) or only the service desk (a return visit)
 * @param body the text; {@code null} for none
 * @param details values shown beside the text (e.g. {@code score}); empty for none, never {@code null}. The ticket
 *        page shows each as a sentence through the writing module's message bundle: the label
 *        {@code timeline.field.<KIND>.<name>} (or {@code timeline.field.<name>}), a code value's words
 *        {@code timeline.value.<KIND>.<name>.<VALUE>} (or {@code timeline.value.<name>.<VALUE>}, also for
 *        {@code true}/{@code false}), and a plain value through the pattern {@code timeline.format.<KIND>.<name>}
 *        (or {@code timeline.format.<name>}), such as {@code {0} 星}
 */
public record TimelineNote(Kind kind, boolean visibleToCustomer, String body, Map<String, Object> details) {

	public TimelineNote {
		details = details == null ? Map.of() : details;
	}

	/** The kinds of entry other modules write. */
	public enum Kind {
		/** The customer's satisfaction rating (满意度评价). */
		RATING,
		/** A return-visit call (回访). */
		RETURN_VISIT
	}
}
