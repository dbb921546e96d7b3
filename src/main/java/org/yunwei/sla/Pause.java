package org.yunwei.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of time during which an SLA clock stood still (挂起), for example while waiting for the customer: from
 * {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param start when the clock stopped, not {@code null}
 * @param end when it ran again, not {@code null}, not before {@code start}
 */
public record Pause(Instant start, Instant end) {

	/**
	 * @throws IllegalArgumentException when {@code end} is before {@code start}
	 */
	public Pause {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("A pause cannot end (" + end + ") before it starts (" + start + ")");
		}
	}

	/** The pauses sorted by start, with overlapping or touching ones merged and empty ones dropped. */
	static List<Pause> merged(Collection<Pause> pauses) {
		List<Pause> sorted = new ArrayList<>(pauses.size());
		for (Pause pause : pauses) {
			Objects.requireNonNull(pause, "pause");
			if (pause.end.isAfter(pause.start)) {
				sorted.add(pause);
			}
		}
		sorted.sort(Comparator.comparing(Pause::start));
		List<Pause> merged = new ArrayList<>(sorted.size());
		for (Pause pause : sorted) {
			int last = merged.size() - 1;
			if (last >= 0 && !pause.start.isAfter(merged.get(last).end)) {
				Pause previous = merged.get(last);
				merged.set(last, new Pause(previous.start, pause.end.isAfter(previous.end) ? pause.end : previous.end));
			}
			else {
				merged.add(pause);
			}
		}
		return merged;
	}
}
