package org.yunwei.ticket.internal.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/**
 * The statistics' SQL over {@code ticket}, each question one index range read within
 * the reader's scope: volumes of the tickets created in a period, speed and attainment of those resolved in it, the
 * open backlog by age, and the trend. Instants bound periods (from included, to excluded); the caller has turned days
 * into instants in the service desk's zone.
 */
@Repository
class TicketStatisticsReading {

	/** The open statuses, as the partial index {@code ticket_stats_open_idx} names them. */
	private static final String OPEN = "status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')";

	private final JdbcClient jdbc;

	TicketStatisticsReading(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One value of a dimension and how many tickets have it; {@code key} is {@code null} for "none". */
	record Tally(String key, long count) {
	}

	/** What {@link #resolved} measures; durations are {@code null} when no ticket was measured. */
	record Resolved(long resolved, Duration meanToRespond, Duration medianToRespond, Duration meanToResolve,
			Duration medianToResolve, long slaCounted, long responseMet, long resolutionMet) {
	}

	/** The open tickets by age now: under 1 day, 1–3, 3–7, 7–30 and over 30 days; and how many are overdue. */
	record Backlog(long[] byAge, long overdue) {

		long total() {
			long total = 0;
			for (long n : byAge) {
				total += n;
			}
			return total;
		}
	}

	/** Tickets created in a period by dimension, most frequent first, and by step when asked. */
	record Created(Map<TicketStatisticsDimension, List<Tally>> tallies, Map<LocalDate, Long> bySteps) {
	}

	/**
	 * Tickets created in the period, counted by each of the dimensions, and per day or month in the zone when
	 * {@code granularity} is given, in one pass over the index.
	 */
	Created volumes(Instant start, Instant end, DataScope.Condition scope, Set<TicketStatisticsDimension> dimensions,
			TicketStatisticsGranularity granularity, ZoneId zone) {
		List<TicketStatisticsDimension> asked = List.copyOf(dimensions);
		List<Object> params = new ArrayList<>();
		String step = granularity == null ? null : step("created_at", granularity, zone);
		StringBuilder which = new StringBuilder("case");
		StringBuilder key = new StringBuilder("case");
		StringBuilder sets = new StringBuilder();
		for (int i = 0; i < asked.size(); i++) {
			String column = asked.get(i).column();
			which.append(" when grouping(").append(column).append(") = 0 then ").append(i);
			key.append(" when grouping(").append(column).append(") = 0 then ").append(column).append("::text");
			sets.append(i == 0 ? "" : ", ").append('(').append(column).append(')');
		}
		if (granularity != null) {
			which.append(" else -1");
			key.append(" else cast(").append(step).append(" as text)");
			sets.append(asked.isEmpty() ? "" : ", ").append('(').append(step).append(')');
		}
		params.addAll(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		Map<TicketStatisticsDimension, List<Tally>> tallies = new EnumMap<>(TicketStatisticsDimension.class);
		asked.forEach(dimension -> tallies.put(dimension, new ArrayList<>()));
		Map<LocalDate, Long> bySteps = new LinkedHashMap<>();
		jdbc.sql("select " + (asked.isEmpty() ? "-1" : which + " end") + " as dimension, "
				+ (asked.isEmpty() ? "cast(" + step + " as text)" : key + " end") + " as key, count(*) as n from ticket"
				+ " where created_at >= ? and created_at < ? and " + scope.sql() + " group by grouping sets (" + sets
				+ ") order by 1, 3 desc, 2")
			.params(params)
			.query((ResultSet rs) -> {
				int dimension = rs.getInt("dimension");
				if (dimension < 0) {
					bySteps.put(LocalDate.parse(rs.getString("key")), rs.getLong("n"));
				}
				else {
					tallies.get(asked.get(dimension)).add(new Tally(rs.getString("key"), rs.getLong("n")));
				}
			});
		return new Created(tallies, bySteps);
	}

	long closed(Instant start, Instant end, DataScope.Condition scope) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		return jdbc.sql("select count(*) from ticket where closed_at >= ? and closed_at < ? and " + scope.sql())
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * The tickets resolved in the period (a reopened ticket counts again when resolved again): wall-clock times from
	 * creation to response and to resolution, and how many with an SLA had no breach of each clock.
	 */
	Resolved resolved(Instant start, Instant end, DataScope.Condition scope) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		// date_part, not extract: extract answers numeric, whose averages and sorts took two thirds of the query's
		// time over a month of a city's tickets; seconds as double precision are exact to the microsecond here. Each
		// time is computed once per ticket, in the inner select, for both its mean and its median.
		return jdbc.sql("""
				select count(*) as resolved, avg(respond) as mean_respond,
				  percentile_cont(0.5) within group (order by respond) as median_respond,
				  avg(resolve) as mean_resolve, percentile_cont(0.5) within group (order by resolve) as median_resolve,
				  count(*) filter (where with_sla) as sla_counted,
				  count(*) filter (where with_sla and response_met) as response_met,
				  count(*) filter (where with_sla and resolution_met) as resolution_met
				from (select date_part('epoch', t.responded_at - t.created_at) as respond,
				        date_part('epoch', t.resolved_at - t.created_at) as resolve,
				        t.agreement_id is not null as with_sla, t.response_breached_at is null as response_met,
				        t.resolution_breached_at is null as resolution_met
				      from ticket t
				      where t.resolved_at >= ? and t.resolved_at < ? and\s""" + scope.sql() + ") resolved")
			.params(params)
			.query((rs, n) -> new Resolved(rs.getLong("resolved"), seconds(rs, "mean_respond"),
					seconds(rs, "median_respond"), seconds(rs, "mean_resolve"), seconds(rs, "median_resolve"),
					rs.getLong("sla_counted"), rs.getLong("response_met"), rs.getLong("resolution_met")))
			.single();
	}

	/** What {@link #attained} counts: the tickets resolved in a period and of those with an SLA, which met each clock. */
	record Attained(long resolved, long slaCounted, long responseMet, long resolutionMet) {
	}

	/**
	 * The counts of {@link #resolved} without its times: the same tickets and the same definition of attainment, read
	 * from the index alone ({@code ticket_stats_resolved_idx}) and without the sort the medians need.
	 */
	Attained attained(Instant start, Instant end, DataScope.Condition scope) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		return jdbc.sql("""
				select count(*) as resolved, count(*) filter (where agreement_id is not null) as sla_counted,
				  count(*) filter (where agreement_id is not null and response_breached_at is null) as response_met,
				  count(*) filter (where agreement_id is not null and resolution_breached_at is null) as resolution_met
				from ticket where resolved_at >= ? and resolved_at < ? and\s""" + scope.sql())
			.params(params)
			.query((rs, n) -> new Attained(rs.getLong("resolved"), rs.getLong("sla_counted"),
					rs.getLong("response_met"), rs.getLong("resolution_met")))
			.single();
	}

	/** How many tickets were resolved in each day or month of the period; steps without any are left out. */
	Map<LocalDate, Long> resolvedSteps(Instant start, Instant end, DataScope.Condition scope,
			TicketStatisticsGranularity granularity, ZoneId zone) {
		String step = step("resolved_at", granularity, zone);
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		Map<LocalDate, Long> steps = new LinkedHashMap<>();
		jdbc.sql("select " + step + " as step, count(*) as n from ticket where resolved_at >= ? and resolved_at < ? and "
				+ scope.sql() + " group by 1 order by 1")
			.params(params)
			.query((ResultSet rs) -> {
				steps.put(rs.getObject("step", LocalDate.class), rs.getLong("n"));
			});
		return steps;
	}

	/** The tickets open now by age; {@code now} also decides which are past their resolution due time. */
	Backlog backlog(Instant now, DataScope.Condition scope) {
		return jdbc.sql("""
				select count(*) filter (where created_at > ?) as d1,
				  count(*) filter (where created_at <= ? and created_at > ?) as d3,
				  count(*) filter (where created_at <= ? and created_at > ?) as d7,
				  count(*) filter (where created_at <= ? and created_at > ?) as d30,
				  count(*) filter (where created_at <= ?) as older,
				  count(*) filter (where resolution_due_at < ?) as overdue
				from ticket where\s""" + OPEN + " and " + scope.sql())
			.params(backlogParameters(now, scope))
			.query((rs, n) -> new Backlog(new long[] { rs.getLong("d1"), rs.getLong("d3"), rs.getLong("d7"),
					rs.getLong("d30"), rs.getLong("older") }, rs.getLong("overdue")))
			.single();
	}

	/** Every step of the period, oldest first, with the tickets created and resolved in it (zero where none). */
	static Map<LocalDate, long[]> points(Instant start, Instant end, ZoneId zone,
			TicketStatisticsGranularity granularity, Map<LocalDate, Long> created, Map<LocalDate, Long> resolved) {
		Map<LocalDate, long[]> points = new LinkedHashMap<>();
		LocalDate first = truncate(LocalDate.ofInstant(start, zone), granularity);
		LocalDate last = LocalDate.ofInstant(end.minusNanos(1), zone);
		for (LocalDate step = first; !step.isAfter(last); step = next(step, granularity)) {
			points.put(step, new long[] { created.getOrDefault(step, 0L), resolved.getOrDefault(step, 0L) });
		}
		return points;
	}

	/**
	 * The day or month of a time column in the zone, as a date. Written with literals, not parameters, so that the
	 * same expression in the select list and in {@code group by} is recognised as one; both come from code (the
	 * granularity's unit and the configured zone), never from a request.
	 */
	private static String step(String column, TicketStatisticsGranularity granularity, ZoneId zone) {
		return "cast(date_trunc('" + granularity.unit() + "', " + column + " at time zone '"
				+ zone.getId().replace("'", "''") + "') as date)";
	}

	static LocalDate truncate(LocalDate day, TicketStatisticsGranularity granularity) {
		return granularity == TicketStatisticsGranularity.MONTH ? day.withDayOfMonth(1) : day;
	}

	private static LocalDate next(LocalDate step, TicketStatisticsGranularity granularity) {
		return granularity == TicketStatisticsGranularity.MONTH ? step.plusMonths(1) : step.plusDays(1);
	}

	private static List<Object> backlogParameters(Instant now, DataScope.Condition scope) {
		Timestamp day = Timestamp.from(now.minus(Duration.ofDays(1)));
		Timestamp threeDays = Timestamp.from(now.minus(Duration.ofDays(3)));
		Timestamp week = Timestamp.from(now.minus(Duration.ofDays(7)));
		Timestamp month = Timestamp.from(now.minus(Duration.ofDays(30)));
		List<Object> params = new ArrayList<>(List.of(day, day, threeDays, threeDays, week, week, month, month,
				Timestamp.from(now)));
		params.addAll(scope.parameters());
		return params;
	}

	private static Duration seconds(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
	}
}
