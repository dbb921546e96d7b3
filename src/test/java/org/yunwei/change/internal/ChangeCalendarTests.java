package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.yunwei.change.internal.ChangeCalendar.CalendarDay;
import org.yunwei.change.internal.ChangeCalendar.Conflict;
import org.yunwei.change.internal.ChangeCalendar.Entry;
import org.yunwei.change.internal.ChangeCalendar.Period;

/**
 * The calendar's arrangement of a period without the database: the conflicts found by grouping what changes touch
 * are those of the pairwise sweep it replaced, on random months; a month shows each day's most relevant few and
 * counts the rest; a week shows every change.
 */
class ChangeCalendarTests {

	private static final LocalDate MONTH = LocalDate.of(2097, 4, 1);

	@Test
	void theConflictsAreThoseOfThePairwiseSweepOnRandomMonths() {
		int found = 0;
		for (int seed = 0; seed < 400; seed++) {
			SplittableRandom random = new SplittableRandom(seed);
			List<Entry> month = randomMonth(random, 1 + random.nextInt(seed < 200 ? 60 : 600),
					5 + random.nextInt(seed % 2 == 0 ? 20 : 2_000));
			List<Conflict> expected = pairwise(month);
			assertThat(CalendarConflicts.among(month)).as("seed %d", seed).isEqualTo(expected);
			found += expected.size();
		}
		assertThat(found).as("the random months hold conflicts to compare").isGreaterThan(1_000);
	}

	@Test
	void aMonthShowsTheMostRelevantFiveOfADayAndCountsTheRest() {
		Instant evening = at(10, 20);
		List<Entry> changes = new ArrayList<>();
		// eight changes on the 10th, on distinct items but for two that share item 900
		changes.add(entry(1, ChangeCategory.NORMAL, RiskLevel.LOW, evening, 2, 101));
		changes.add(entry(2, ChangeCategory.STANDARD, RiskLevel.LOW, evening, 2, 102));
		changes.add(entry(3, ChangeCategory.NORMAL, RiskLevel.HIGH, evening, 2, 103));
		changes.add(entry(4, ChangeCategory.NORMAL, RiskLevel.LOW, evening.plusSeconds(600), 2, 900));
		changes.add(entry(5, ChangeCategory.EMERGENCY, RiskLevel.MEDIUM, evening.plusSeconds(1200), 1, 105));
		changes.add(entry(6, ChangeCategory.NORMAL, RiskLevel.CRITICAL, evening.plusSeconds(1800), 1, 106));
		changes.add(entry(7, ChangeCategory.NORMAL, RiskLevel.LOW, evening.plusSeconds(2400), 2, 900));
		changes.add(entry(8, ChangeCategory.NORMAL, RiskLevel.MEDIUM, evening.plusSeconds(3000), 1, 108));
		// over midnight into the 11th
		changes.add(entry(9, ChangeCategory.NORMAL, RiskLevel.LOW, at(10, 23), 3, 109));
		changes.add(entry(10, ChangeCategory.NORMAL, RiskLevel.LOW, at(11, 20), 1, 900));
		changes.sort(Comparator.comparing(Entry::plannedStart).thenComparingLong(Entry::id));

		Period month = ChangeCalendar.arrange("month", MONTH, MONTH.plusMonths(1), changes, List.of());

		assertThat(month.count()).isEqualTo(10);
		assertThat(month.days()).hasSize(30);
		CalendarDay tenth = month.days().get(9);
		assertThat(tenth.date()).isEqualTo(LocalDate.of(2097, 4, 10));
		assertThat(tenth.count()).isEqualTo(9);
		// emergency; then critical, high, medium; then the first low one in conflict
		assertThat(tenth.changeIds()).containsExactly(5L, 6L, 3L, 8L, 4L);
		assertThat(tenth.more()).isEqualTo(4);
		CalendarDay eleventh = month.days().get(10);
		assertThat(eleventh.count()).isEqualTo(2);
		assertThat(eleventh.changeIds()).containsExactly(9L, 10L);
		assertThat(month.days().get(11).count()).isZero();
		// the changes are those shown, each once, by start; the conflict of two not shown is there all the same
		assertThat(month.changes().stream().map(Entry::id)).containsExactly(3L, 4L, 5L, 6L, 8L, 9L, 10L);
		assertThat(month.conflicts()).extracting(Conflict::firstId, Conflict::secondId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, 7L));
	}

	@Test
	void aWeekShowsEveryChangeOfEachDayByStart() {
		Instant evening = at(10, 20);
		List<Entry> changes = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			changes.add(entry(20 + i, i == 8 ? ChangeCategory.EMERGENCY : ChangeCategory.NORMAL, RiskLevel.LOW,
					evening.plusSeconds(60L * i), 1, 200 + i));
		}
		LocalDate monday = LocalDate.of(2097, 4, 8);

		Period week = ChangeCalendar.arrange("week", monday, monday.plusDays(7), changes, List.of());

		assertThat(week.days()).hasSize(7);
		CalendarDay tenth = week.days().get(2);
		assertThat(tenth.count()).isEqualTo(9);
		assertThat(tenth.more()).isZero();
		assertThat(tenth.changeIds()).containsExactly(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L);
		assertThat(week.changes()).isEqualTo(changes);
	}

	@Test
	void theDaysShowWhatTheRelevanceComparatorChoseOnRandomMonths() {
		for (int seed = 0; seed < 200; seed++) {
			SplittableRandom random = new SplittableRandom(seed);
			List<Entry> changes = new ArrayList<>();
			for (Entry e : randomMonth(random, 1 + random.nextInt(400), 5 + random.nextInt(200))) {
				// now and then a window of days, past the month's end too
				Instant end = random.nextInt(15) == 0 ? e.plannedEnd().plus(Duration.ofDays(1 + random.nextInt(12)))
						: e.plannedEnd();
				changes.add(new Entry(e.id(), e.number(), e.title(), e.status(),
						ChangeCategory.values()[random.nextInt(ChangeCategory.values().length)],
						RiskLevel.values()[random.nextInt(RiskLevel.values().length)], e.plannedStart(), end, e.ciIds(),
						e.serviceIds()));
			}
			changes.sort(Comparator.comparing(Entry::plannedStart).thenComparingLong(Entry::id));
			LocalDate monday = MONTH.plusDays(random.nextInt(28));
			assertThat(ChangeCalendar.arrange("month", MONTH, MONTH.plusMonths(1), changes, List.of()))
				.as("month, seed %d", seed)
				.isEqualTo(byComparator("month", MONTH, MONTH.plusMonths(1), changes));
			assertThat(ChangeCalendar.arrange("week", monday, monday.plusDays(7), changes, List.of()))
				.as("week, seed %d", seed)
				.isEqualTo(byComparator("week", monday, monday.plusDays(7), changes));
		}
	}

	/**
	 * The arrangement the calendar used before: each day's changes sorted by a comparator of relevance (emergency,
	 * higher risk, in conflict, planned start) for a month, by planned start for a week.
	 */
	static Period byComparator(String view, LocalDate from, LocalDate to, List<Entry> changes) {
		List<Conflict> conflicts = pairwise(changes);
		boolean month = view.equals("month");
		Set<Long> conflicting = new HashSet<>();
		conflicts.forEach(c -> {
			conflicting.add(c.firstId());
			conflicting.add(c.secondId());
		});
		Comparator<Entry> planned = Comparator.comparing(Entry::plannedStart).thenComparingLong(Entry::id);
		Comparator<Entry> shownFirst = !month ? planned
				: Comparator.comparing((Entry e) -> e.category() != ChangeCategory.EMERGENCY)
					.thenComparing(Entry::riskLevel, Comparator.reverseOrder())
					.thenComparing(e -> !conflicting.contains(e.id()))
					.thenComparing(planned);
		List<CalendarDay> days = new ArrayList<>();
		Set<Long> shownIds = new HashSet<>();
		for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
			Instant dayStart = day.atStartOfDay(ChangeRegister.ZONE).toInstant();
			Instant dayEnd = day.plusDays(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
			List<Entry> onDay = changes.stream()
				.filter(e -> e.plannedStart().isBefore(dayEnd) && e.plannedEnd().isAfter(dayStart)).toList();
			List<Entry> shown = onDay.stream().sorted(shownFirst).limit(month ? ChangeCalendar.SHOWN_A_DAY : onDay.size())
				.toList();
			shown.forEach(e -> shownIds.add(e.id()));
			days.add(new CalendarDay(day, onDay.size(), shown.stream().map(Entry::id).toList(),
					onDay.size() - shown.size()));
		}
		List<Entry> listed = month ? changes.stream().filter(e -> shownIds.contains(e.id())).toList() : changes;
		return new Period(view, from, to, changes.size(), listed, days, List.of(), conflicts);
	}

	/** The sweep the calendar used before: every change against every one still open, by start. */
	static List<Conflict> pairwise(List<Entry> byStart) {
		List<Entry> sorted = new ArrayList<>(byStart);
		sorted.sort(Comparator.comparing(Entry::plannedStart).thenComparingLong(Entry::id));
		List<Conflict> found = new ArrayList<>();
		List<Entry> open = new ArrayList<>();
		for (Entry entry : sorted) {
			open.removeIf(o -> !o.plannedEnd().isAfter(entry.plannedStart()));
			Set<Long> items = new HashSet<>(entry.ciIds());
			Set<Long> services = new HashSet<>(entry.serviceIds());
			for (Entry other : open) {
				List<Long> shared = other.ciIds().stream().filter(items::contains).toList();
				List<Long> sharedServices = other.serviceIds().stream().filter(services::contains).toList();
				if (!shared.isEmpty() || !sharedServices.isEmpty()) {
					found.add(new Conflict(other.id(), other.number(), entry.id(), entry.number(), shared,
							sharedServices));
				}
			}
			open.add(entry);
		}
		return found;
	}

	/**
	 * A month of changes as the generator plans them: most in the evening window, emergencies at any hour, windows
	 * of one to four hours, now and then two with the same start; one to three items of a pool, services of a smaller
	 * one, and a few with many services (a hub's reach).
	 */
	private static List<Entry> randomMonth(SplittableRandom random, int changes, int pool) {
		List<Entry> month = new ArrayList<>();
		Instant start = MONTH.atStartOfDay(ChangeRegister.ZONE).toInstant();
		for (int i = 0; i < changes; i++) {
			Instant planned = random.nextInt(10) == 0 ? start.plusSeconds(60L * random.nextInt(30 * 24 * 60))
					: start.plus(Duration.ofDays(random.nextInt(30))).plus(Duration.ofHours(12))
						.plusSeconds(1_800L * random.nextInt(6));
			List<Long> items = new ArrayList<>();
			for (int n = 1 + random.nextInt(3); n > 0; n--) {
				items.add((long) random.nextInt(pool));
			}
			List<Long> services = new ArrayList<>();
			int serviceCount = random.nextInt(20) == 0 ? 10 + random.nextInt(40) : random.nextInt(3);
			for (int n = 0; n < serviceCount; n++) {
				long service = 100_000L + random.nextInt(Math.max(3, pool / 4));
				if (!services.contains(service)) {
					services.add(service);
				}
			}
			long id = 1_000 + i;
			month.add(new Entry(id, "CHG-" + id, "变更 " + id, ChangeStatus.APPROVED, ChangeCategory.NORMAL,
					RiskLevel.LOW, planned, planned.plus(Duration.ofMinutes(60 + 30L * random.nextInt(7))),
					items.stream().distinct().toList(), services));
		}
		return month;
	}

	private static Entry entry(long id, ChangeCategory category, RiskLevel risk, Instant start, int hours, long item) {
		return new Entry(id, "CHG-" + id, "变更 " + id, ChangeStatus.APPROVED, category, risk, start,
				start.plus(Duration.ofHours(hours)), List.of(item), List.of());
	}

	/** The day of April 2097 at the hour, Asia/Shanghai. */
	private static Instant at(int day, int hour) {
		return LocalDate.of(2097, 4, day).atTime(hour, 0).atZone(ChangeRegister.ZONE).toInstant();
	}
}
