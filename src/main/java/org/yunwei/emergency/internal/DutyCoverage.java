package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.yunwei.emergency.internal.DutyRosterRecords.Shift;

/**
 * The gaps in a roster's cover: the periods of its days (from the first day's start to the day after the last, in
 * the zone) when nobody is on duty, and those when nobody leads. A roster is complete when it has neither.
 */
final class DutyCoverage {

	/** A period without cover, from one instant until another. */
	record Gap(Instant from, Instant until) {
	}

	private DutyCoverage() {
	}

	/** The periods of the days with no shift running. */
	static List<Gap> uncovered(LocalDate startsOn, LocalDate endsOn, ZoneId zone, List<Shift> shifts) {
		return gaps(startsOn.atStartOfDay(zone).toInstant(), endsOn.plusDays(1).atStartOfDay(zone).toInstant(),
				shifts, shift -> true);
	}

	/** The periods of the days with no lead on duty. */
	static List<Gap> withoutLead(LocalDate startsOn, LocalDate endsOn, ZoneId zone, List<Shift> shifts) {
		return gaps(startsOn.atStartOfDay(zone).toInstant(), endsOn.plusDays(1).atStartOfDay(zone).toInstant(),
				shifts, Shift::lead);
	}

	private static List<Gap> gaps(Instant from, Instant until, List<Shift> shifts, Predicate<Shift> counts) {
		List<Shift> sorted = shifts.stream().filter(counts).sorted(Comparator.comparing(Shift::startsAt)).toList();
		List<Gap> gaps = new ArrayList<>();
		Instant covered = from;
		for (Shift shift : sorted) {
			if (!shift.endsAt().isAfter(covered)) {
				continue;
			}
			if (shift.startsAt().isAfter(covered)) {
				Instant gapEnd = shift.startsAt().isBefore(until) ? shift.startsAt() : until;
				if (gapEnd.isAfter(covered)) {
					gaps.add(new Gap(covered, gapEnd));
				}
			}
			if (shift.endsAt().isAfter(covered)) {
				covered = shift.endsAt();
			}
			if (!covered.isBefore(until)) {
				return gaps;
			}
		}
		if (covered.isBefore(until)) {
			gaps.add(new Gap(covered, until));
		}
		return gaps;
	}
}
