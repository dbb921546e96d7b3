package org.yunwei.change.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.ScopedActor;
import org.yunwei.web.FieldErrors;

/**
 * The change calendar (变更日历): the changes planned in a month or a week in the reader's scope, the freeze windows
 * of the period, and the conflicts among them — two changes not cancelled whose planned windows overlap and that
 * touch a same configuration item or a same service (an application system or business service that their items are
 * or reach downstream). The changes are read through the index on the planned window; conflicts by
 * {@link CalendarConflicts}.
 * <p>
 * A month answers as a wall calendar shows it: for each day the number of changes planned on it and at most
 * {@value #SHOWN_A_DAY} of them, the most relevant first, the rest being a "+N more" that the week view lists; its
 * conflicts and freeze windows complete. A busy month holds two thousand changes, seventy an evening: listing all of
 * them made the answer's size its cost, and no one reads seventy entries in a day's cell. A week lists every change.
 */
@Service
class ChangeCalendar {

	/** The changes a month shows on a day. */
	static final int SHOWN_A_DAY = 5;

	private static final Comparator<Entry> PLANNED = Comparator.comparing(Entry::plannedStart)
		.thenComparingLong(Entry::id);

	/** An entry from its columns: id, number, title, status, category, risk level, window, items, services. */
	static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
			ChangeStatus.valueOf(rs.getString(4)), ChangeCategory.valueOf(rs.getString(5)),
			RiskLevel.valueOf(rs.getString(6)), ChangeRecords.instant(rs, "planned_start"),
			ChangeRecords.instant(rs, "planned_end"), ChangeRecords.longs(rs.getArray(9)),
			ChangeRecords.longs(rs.getArray(10)));

	private final JdbcClient jdbc;
	private final ChangeScope scope;
	private final FreezeWindowRecords freezeWindows;

	ChangeCalendar(JdbcClient jdbc, ChangeScope scope, FreezeWindowRecords freezeWindows) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.freezeWindows = freezeWindows;
	}

	/** A change on the calendar. */
	public record Entry(long id, String number, String title, ChangeStatus status, ChangeCategory category,
			RiskLevel riskLevel, Instant plannedStart, Instant plannedEnd, List<Long> ciIds, List<Long> serviceIds) {
	}

	/** Two changes planned at overlapping times on the same items or the same services. */
	public record Conflict(long firstId, String firstNumber, long secondId, String secondNumber,
			List<Long> sharedItemIds, List<Long> sharedServiceIds) {
	}

	/**
	 * A day of the period: how many changes are planned on it (a window over midnight counts on both days) and which
	 * of them the answer shows.
	 *
	 * @param changeIds a month's at most {@value ChangeCalendar#SHOWN_A_DAY}, the most relevant first (emergency, then
	 *     higher risk, then in conflict, then by planned start); a week's every one, by planned start
	 * @param more the changes of the day not shown: the week view of the day lists them
	 */
	public record CalendarDay(LocalDate date, int count, List<Long> changeIds, int more) {
	}

	/**
	 * The calendar of a period.
	 *
	 * @param view {@code month} or {@code week}
	 * @param from the first day shown; {@code to} the day after the last
	 * @param count the changes planned in the period
	 * @param changes the changes the days show, each once, by planned start: a week's every one
	 * @param days each day of the period, in order
	 * @param conflicts every conflict among the period's changes, shown or not
	 */
	public record Period(String view, LocalDate from, LocalDate to, int count, List<Entry> changes,
			List<CalendarDay> days, List<FreezeWindow> freezeWindows, List<Conflict> conflicts) {
	}

	/**
	 * The month ({@code month=2026-12}) or the week starting on the Monday of a day ({@code week=2026-12-07}); the
	 * current month when neither is given. 400 for a month or day that does not parse or a view that is neither.
	 */
	@Transactional(readOnly = true)
	public Period period(String view, String month, String week, LocalDate today) {
		ScopedActor reader = scope.reader();
		FieldErrors errors = new FieldErrors();
		String kind = FieldErrors.clean(view) == null ? (FieldErrors.clean(week) != null ? "week" : "month")
				: view.strip();
		LocalDate from = null;
		LocalDate to = null;
		if (kind.equals("month")) {
			YearMonth chosen = YearMonth.from(today);
			if (FieldErrors.clean(month) != null) {
				try {
					chosen = YearMonth.parse(month.strip());
				}
				catch (DateTimeParseException notAMonth) {
					errors.add("month", "change.calendar.month");
				}
			}
			from = chosen.atDay(1);
			to = chosen.plusMonths(1).atDay(1);
		}
		else if (kind.equals("week")) {
			LocalDate day = today;
			if (FieldErrors.clean(week) != null) {
				try {
					day = LocalDate.parse(week.strip());
				}
				catch (DateTimeParseException notADay) {
					errors.add("week", "change.calendar.week");
				}
			}
			from = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			to = from.plusDays(7);
		}
		else {
			errors.add("view", "field.value.unknown");
		}
		errors.throwIfAny();
		Instant start = from.atStartOfDay(ChangeRegister.ZONE).toInstant();
		Instant end = to.atStartOfDay(ChangeRegister.ZONE).toInstant();
		List<Entry> changes = planned(reader, start, end, null, null);
		return arrange(kind, from, to, changes, freezeWindows.overlapping(start, end));
	}

	/**
	 * The period's answer from its changes (by planned start) and freeze windows: the conflicts among all the changes,
	 * the days and what they show.
	 * <p>
	 * Each change is one {@code long}, its relevance above its place in planned order, so that a day's changes sort as
	 * primitives: a comparator of boxed fields asked per day and per pair was half the month view's own CPU.
	 */
	static Period arrange(String view, LocalDate from, LocalDate to, List<Entry> changes,
			List<FreezeWindow> freezes) {
		List<Entry> ordered = new ArrayList<>(changes);
		ordered.sort(PLANNED);
		List<Conflict> conflicts = CalendarConflicts.among(ordered);
		boolean month = view.equals("month");
		Set<Long> conflicting = new HashSet<>();
		conflicts.forEach(c -> {
			conflicting.add(c.firstId());
			conflicting.add(c.secondId());
		});
		int days = (int) ChronoUnit.DAYS.between(from, to);
		long[] keys = new long[ordered.size()];
		for (int place = 0; place < ordered.size(); place++) {
			keys[place] = (month ? (long) relevance(ordered.get(place), conflicting) << 32 : 0) | place;
		}
		long[][] onDay = byDay(ordered, keys, from, days);
		List<CalendarDay> calendarDays = new ArrayList<>(days);
		boolean[] shown = new boolean[ordered.size()];
		for (int d = 0; d < days; d++) {
			long[] planned = onDay[d];
			Arrays.sort(planned);
			int showing = month ? Math.min(SHOWN_A_DAY, planned.length) : planned.length;
			List<Long> ids = new ArrayList<>(showing);
			for (int i = 0; i < showing; i++) {
				int place = (int) planned[i];
				shown[place] = true;
				ids.add(ordered.get(place).id());
			}
			calendarDays.add(new CalendarDay(from.plusDays(d), planned.length, List.copyOf(ids),
					planned.length - showing));
		}
		List<Entry> listed = ordered;
		if (month) {
			listed = new ArrayList<>();
			for (int place = 0; place < ordered.size(); place++) {
				if (shown[place]) {
					listed.add(ordered.get(place));
				}
			}
		}
		return new Period(view, from, to, changes.size(), List.copyOf(listed), calendarDays, freezes, conflicts);
	}

	/** Each day's keys of the changes planned on it (a window over midnight is on both days), in planned order. */
	private static long[][] byDay(List<Entry> ordered, long[] keys, LocalDate from, int days) {
		int[] firstDay = new int[ordered.size()];
		int[] lastDay = new int[ordered.size()];
		int[] count = new int[days];
		for (int place = 0; place < ordered.size(); place++) {
			Entry change = ordered.get(place);
			// the days the window touches: its last instant's day, not its end's (a window ending at midnight)
			LocalDate first = LocalDate.ofInstant(change.plannedStart(), ChangeRegister.ZONE);
			LocalDate last = LocalDate.ofInstant(change.plannedEnd().minusNanos(1), ChangeRegister.ZONE);
			firstDay[place] = (int) Math.max(0, ChronoUnit.DAYS.between(from, first));
			lastDay[place] = (int) Math.min(days - 1, ChronoUnit.DAYS.between(from, last));
			for (int d = firstDay[place]; d <= lastDay[place]; d++) {
				count[d]++;
			}
		}
		long[][] onDay = new long[days][];
		for (int d = 0; d < days; d++) {
			onDay[d] = new long[count[d]];
		}
		int[] filled = new int[days];
		for (int place = 0; place < ordered.size(); place++) {
			for (int d = firstDay[place]; d <= lastDay[place]; d++) {
				onDay[d][filled[d]++] = keys[place];
			}
		}
		return onDay;
	}

	/** Lower first: emergency, then higher risk, then in conflict (planned order breaks the ties). */
	private static int relevance(Entry change, Set<Long> conflicting) {
		int notEmergency = change.category() == ChangeCategory.EMERGENCY ? 0 : 1;
		int lowerRisk = RiskLevel.CRITICAL.ordinal() - change.riskLevel().ordinal();
		int notInConflict = conflicting.contains(change.id()) ? 0 : 1;
		return notEmergency << 8 | lowerRisk << 1 | notInConflict;
	}

	/**
	 * The changes in the reader's scope that conflict with this one: overlapping windows on a same item or a same
	 * service.
	 */
	@Transactional(readOnly = true)
	public List<Conflict> conflictsOf(ChangeRequest change) {
		if (change.plannedStart() == null || change.ciIds().isEmpty()
				|| change.status() == ChangeStatus.CANCELLED) {
			return List.of();
		}
		List<Long> services = serviceIdsOf(change.id());
		return conflictsWith(scope.reader(), change.id(), change.number(), change.plannedStart(),
				change.plannedEnd(), change.ciIds(), services);
	}

	/**
	 * The changes in the reader's scope a change planned so would conflict with (for a change being planned, and the
	 * benchmark): one probe of the planned-window index with the GIN indexes of items and services.
	 */
	List<Conflict> conflictsWith(ScopedActor reader, long id, String number, Instant start, Instant end,
			List<Long> ciIds, List<Long> serviceIds) {
		List<Entry> others = planned(reader, start, end, new Touching(ciIds, serviceIds), id);
		Set<Long> mine = new HashSet<>(ciIds);
		Set<Long> myServices = new HashSet<>(serviceIds);
		List<Conflict> found = new ArrayList<>();
		for (Entry other : others) {
			found.add(new Conflict(id, number, other.id(), other.number(),
					other.ciIds().stream().filter(mine::contains).toList(),
					other.serviceIds().stream().filter(myServices::contains).toList()));
		}
		return found;
	}

	private List<Long> serviceIdsOf(long changeId) {
		return jdbc.sql("select service_ids from change_request where id = ?").param(changeId)
			.query((rs, n) -> ChangeRecords.longs(rs.getArray(1))).optional().orElse(List.of());
	}

	/** What a change touches: its items and its services. */
	private record Touching(List<Long> ciIds, List<Long> serviceIds) {
	}

	private List<Entry> planned(ScopedActor reader, Instant start, Instant end, Touching touching,
			Long excluding) {
		DataScope.Condition where = ChangeScope.where(reader, "c");
		StringBuilder sql = new StringBuilder("""
				select c.id, c.number, c.title, c.status, c.category, c.risk_level, c.planned_start, c.planned_end,
				  c.ci_ids, c.service_ids
				from change_request c
				where c.planned_start is not null and tstzrange(c.planned_start, c.planned_end) && tstzrange(?, ?)
				  and c.status <> 'CANCELLED' and """).append(' ')
			.append(where.sql());
		// [start, end) overlaps [planned start, planned end): the GiST index of the planned window answers it
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(where.parameters());
		if (touching != null) {
			sql.append(" and (c.ci_ids && cast(? as bigint[]) or c.service_ids && cast(? as bigint[])) and c.id <> ?");
			params.add(ChangeRecords.array(touching.ciIds()));
			params.add(ChangeRecords.array(touching.serviceIds()));
			params.add(excluding);
		}
		sql.append(" order by c.planned_start, c.id");
		return jdbc.sql(sql.toString()).params(params).query(ENTRY).list();
	}
}
