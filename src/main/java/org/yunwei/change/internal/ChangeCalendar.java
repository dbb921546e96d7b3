package org.yunwei.change.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * or reach downstream). The changes are read through the index on the planned window; conflicts by a
 * sweep over the changes ordered by start, so that only overlapping windows are compared.
 */
@Service
class ChangeCalendar {

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
	 * The calendar of a period.
	 *
	 * @param view {@code month} or {@code week}
	 * @param from the first day shown; {@code to} the day after the last
	 */
	public record Period(String view, LocalDate from, LocalDate to, List<Entry> changes,
			List<FreezeWindow> freezeWindows, List<Conflict> conflicts) {
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
		return new Period(kind, from, to, changes, freezeWindows.overlapping(start, end), conflicts(changes));
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
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
					ChangeStatus.valueOf(rs.getString(4)), ChangeCategory.valueOf(rs.getString(5)),
					RiskLevel.valueOf(rs.getString(6)), ChangeRecords.instant(rs, "planned_start"),
					ChangeRecords.instant(rs, "planned_end"), ChangeRecords.longs(rs.getArray(9)),
					ChangeRecords.longs(rs.getArray(10))))
			.list();
	}

	/** A sweep over the changes by start: each is compared only with those whose window is still open. */
	static List<Conflict> conflicts(List<Entry> byStart) {
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
}
