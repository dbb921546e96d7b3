package org.yunwei.change.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yunwei.change.internal.ChangeCalendar.Conflict;
import org.yunwei.change.internal.ChangeCalendar.Entry;

/**
 * The conflicts among the changes of a period: two changes whose planned windows overlap and that touch a same item
 * or a same service.
 * <p>
 * Comparing every change with every other whose window is still open costs the square of a busy evening (seventy
 * changes planned from 20:00 in the benchmark's month, about 70,000 comparisons a month, each intersecting two id
 * lists), while nearly no two of them share anything. So the changes are grouped by what they touch, and only those of
 * a same item or service are swept by start: the work follows the pairs that share something. The answer is the one
 * the pairwise sweep gave: each pair once, ordered by the later change's place in planned order and then the
 * earlier's, the shared ids in the earlier change's order.
 */
final class CalendarConflicts {

	private static final Comparator<Entry> BY_START = Comparator.comparing(Entry::plannedStart)
		.thenComparingLong(Entry::id);

	private CalendarConflicts() {
	}

	static List<Conflict> among(List<Entry> changes) {
		List<Entry> sorted = new ArrayList<>(changes);
		sorted.sort(BY_START);
		// what each change touches → the places (in planned order) of the changes touching it
		Map<Long, List<Integer>> byItem = new HashMap<>();
		Map<Long, List<Integer>> byService = new HashMap<>();
		for (int place = 0; place < sorted.size(); place++) {
			Entry entry = sorted.get(place);
			for (long item : entry.ciIds()) {
				byItem.computeIfAbsent(item, k -> new ArrayList<>(2)).add(place);
			}
			for (long service : entry.serviceIds()) {
				byService.computeIfAbsent(service, k -> new ArrayList<>(2)).add(place);
			}
		}
		Set<Long> pairs = new HashSet<>();
		overlapping(sorted, byItem, pairs);
		overlapping(sorted, byService, pairs);
		long[] ordered = pairs.stream().mapToLong(Long::longValue).toArray();
		// a pair is later × n + earlier: its natural order is the pairwise sweep's
		Arrays.sort(ordered);
		List<Conflict> found = new ArrayList<>(ordered.length);
		long n = sorted.size();
		for (long pair : ordered) {
			Entry earlier = sorted.get((int) (pair % n));
			Entry later = sorted.get((int) (pair / n));
			found.add(new Conflict(earlier.id(), earlier.number(), later.id(), later.number(),
					shared(earlier.ciIds(), later.ciIds()), shared(earlier.serviceIds(), later.serviceIds())));
		}
		return found;
	}

	/** The pairs among the changes touching a same id whose windows overlap, swept by start. */
	private static void overlapping(List<Entry> sorted, Map<Long, List<Integer>> touching, Set<Long> pairs) {
		long n = sorted.size();
		List<Integer> open = new ArrayList<>();
		for (List<Integer> places : touching.values()) {
			if (places.size() < 2) {
				continue;
			}
			open.clear();
			for (int later : places) {
				Entry entry = sorted.get(later);
				// a window that ended before this start ended before every later one: starts only grow
				open.removeIf(earlier -> !sorted.get(earlier).plannedEnd().isAfter(entry.plannedStart()));
				if (!open.isEmpty() && open.getLast() == later) {
					continue; // an id listed twice on one change
				}
				for (int earlier : open) {
					pairs.add(later * n + earlier);
				}
				open.add(later);
			}
		}
	}

	/** The ids of the earlier change's list that the later's has, in the earlier's order. */
	private static List<Long> shared(List<Long> earlier, List<Long> later) {
		Set<Long> theirs = later.size() > 8 ? new HashSet<>(later) : null;
		List<Long> shared = new ArrayList<>();
		for (Long id : earlier) {
			if (theirs == null ? later.contains(id) : theirs.contains(id)) {
				shared.add(id);
			}
		}
		return List.copyOf(shared);
	}
}
