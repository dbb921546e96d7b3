package org.yunwei.compliance;

import java.util.List;
import java.util.Objects;

/**
 * What one source knows about one item in a period. Every list is copied and never {@code null}; labels and notes are
 * message keys of the bundles, so that the register shows them in the reader's language.
 *
 * @param itemId clause and item joined, e.g. {@code 6.1.2e}
 * @param state {@link EvidenceState#EVIDENCED} or {@link EvidenceState#PARTIAL}
 * @param figures live figures of the period, each with the list that shows its records
 * @param records the latest records, newest first, a handful at most
 * @param links the pages and exports that show the evidence
 * @param present for a partial item: what is there, in words
 * @param missing for a partial item: what is missing, in words
 * @param gaps what the source found wanting, e.g. "no return visit recorded in the last 30 days"
 */
public record Evidence(String itemId, EvidenceState state, List<Figure> figures, List<EvidenceRecord> records,
		List<EvidenceLink> links, List<Note> present, List<Note> missing, List<Note> gaps) {

	public Evidence {
		Objects.requireNonNull(itemId, "itemId");
		Objects.requireNonNull(state, "state");
		figures = List.copyOf(figures);
		records = List.copyOf(records);
		links = List.copyOf(links);
		present = List.copyOf(present);
		missing = List.copyOf(missing);
		gaps = List.copyOf(gaps);
	}

	/** Evidence of an item with figures and nothing said yet; add the rest with the {@code with*} methods. */
	public static Evidence evidenced(String itemId, List<Figure> figures) {
		return new Evidence(itemId, EvidenceState.EVIDENCED, figures, List.of(), List.of(), List.of(), List.of(),
				List.of());
	}

	/** Partial evidence: what is there and what is missing, in words (message keys). */
	public static Evidence partial(String itemId, List<Note> present, List<Note> missing) {
		return new Evidence(itemId, EvidenceState.PARTIAL, List.of(), List.of(), List.of(), present, missing,
				List.of());
	}

	public Evidence withFigures(List<Figure> more) {
		return new Evidence(itemId, state, concat(figures, more), records, links, present, missing, gaps);
	}

	public Evidence withRecords(List<EvidenceRecord> more) {
		return new Evidence(itemId, state, figures, concat(records, more), links, present, missing, gaps);
	}

	public Evidence withLinks(List<EvidenceLink> more) {
		return new Evidence(itemId, state, figures, records, concat(links, more), present, missing, gaps);
	}

	public Evidence withGaps(List<Note> more) {
		return new Evidence(itemId, state, figures, records, links, present, missing, concat(gaps, more));
	}

	/**
	 * This evidence and another source's of the same item together: the stronger state (evidenced over partial),
	 * everything else side by side. Used when two modules serve one item (e.g. 5.4.2c by the service desk and SLA).
	 */
	public Evidence and(Evidence other) {
		if (!itemId.equals(other.itemId)) {
			throw new IllegalArgumentException(itemId + " and " + other.itemId);
		}
		EvidenceState stronger = state.ordinal() <= other.state.ordinal() ? state : other.state;
		return new Evidence(itemId, stronger, concat(figures, other.figures), concat(records, other.records),
				concat(links, other.links), concat(present, other.present), concat(missing, other.missing),
				concat(gaps, other.gaps));
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		if (second.isEmpty()) {
			return first;
		}
		var all = new java.util.ArrayList<T>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	/**
	 * A live figure: how many records of a kind the period holds.
	 *
	 * @param label message key, e.g. {@code evidence.ticket.created}
	 * @param value the count
	 * @param link the page listing exactly the records counted; {@code null} when there is none
	 */
	public record Figure(String label, long value, String link) {

		public Figure {
			Objects.requireNonNull(label, "label");
		}
	}

	/**
	 * One of the latest records.
	 *
	 * @param text what the record is, as its readers know it (a ticket's number and subject): shown as is
	 * @param at when it was made; {@code null} when it has no time
	 * @param link the record's page; {@code null} when there is none
	 */
	public record EvidenceRecord(String text, java.time.Instant at, String link) {

		public EvidenceRecord {
			Objects.requireNonNull(text, "text");
		}
	}

	/**
	 * A page or export that shows the evidence.
	 *
	 * @param label message key
	 * @param href the address within the application, e.g. {@code /tickets/statistics?from=…}
	 */
	public record EvidenceLink(String label, String href) {

		public EvidenceLink {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(href, "href");
		}
	}

	/**
	 * A sentence in words: a message key and its arguments.
	 *
	 * @param key message key, e.g. {@code evidence.gap.no-return-visit}
	 * @param arguments the message's arguments, in order
	 */
	public record Note(String key, List<Object> arguments) {

		public Note {
			Objects.requireNonNull(key, "key");
			arguments = List.copyOf(arguments);
		}

		public static Note of(String key, Object... arguments) {
			return new Note(key, List.of(arguments));
		}
	}
}
