package org.yunwei.evaluation.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.DataScope;

/**
 * Satisfaction figures for statistics and the return-visit report (回访报告, Hunan 6.1.2e): the average rating, how
 * many of each score and the share satisfied (4 or 5), for a period or month by month, and the results of return
 * visits. Periods are local dates in the service desk's zone, the first day included and the last excluded; a rating
 * counts in the period it was given, a visit in the period it was made. Only tickets within {@code scope} count,
 * placed by evaluation's own record of them ({@code evaluation_ticket}).
 */
@Service
class SatisfactionFigures {

	private final JdbcClient jdbc;
	private final ZoneId zone;

	SatisfactionFigures(JdbcClient jdbc, SatisfactionSettings settings) {
		this.jdbc = jdbc;
		this.zone = settings.zone();
	}

	/** The ratings given from {@code from} (inclusive) to {@code to} (exclusive). */
	@Transactional(readOnly = true)
	public Summary of(DataScope scope, LocalDate from, LocalDate to) {
		Map<Integer, Long> counts = new TreeMap<>();
		query(scope, from, to, "0").forEach(row -> counts.merge(row.score(), row.count(), Long::sum));
		return Summary.of(counts);
	}

	/** The ratings of each month from {@code first} to {@code last}, both included; months without any included. */
	@Transactional(readOnly = true)
	public List<Month> byMonth(DataScope scope, YearMonth first, YearMonth last) {
		Map<YearMonth, Map<Integer, Long>> counts = new LinkedHashMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			counts.put(month, new TreeMap<>());
		}
		for (Row row : query(scope, first.atDay(1), last.plusMonths(1).atDay(1), "month")) {
			counts.get(YearMonth.parse(row.period())).merge(row.score(), row.count(), Long::sum);
		}
		List<Month> months = new ArrayList<>();
		counts.forEach((month, scores) -> months.add(new Month(month, Summary.of(scores))));
		return months;
	}

	/** How many return visits had each result from {@code from} (inclusive) to {@code to} (exclusive). */
	@Transactional(readOnly = true)
	public Map<ReturnVisitResult, Long> returnVisits(DataScope scope, LocalDate from, LocalDate to) {
		DataScope.Condition condition = scope.where("t.provider_party_id", "t.customer_org_unit_id");
		List<Object> params = new ArrayList<>(condition.parameters());
		params.add(start(from));
		params.add(start(to));
		Map<ReturnVisitResult, Long> results = new EnumMap<>(ReturnVisitResult.class);
		for (ReturnVisitResult result : ReturnVisitResult.values()) {
			results.put(result, 0L);
		}
		jdbc.sql("select v.result, count(*) as n from ticket_return_visit v "
				+ "join evaluation_ticket t on t.ticket_id = v.ticket_id where " + condition.sql()
				+ " and v.called_at >= ? and v.called_at < ? group by v.result")
			.params(params)
			.query((rs, n) -> Map.entry(ReturnVisitResult.valueOf(rs.getString("result")), rs.getLong("n")))
			.list()
			.forEach(e -> results.put(e.getKey(), e.getValue()));
		return results;
	}

	private List<Row> query(DataScope scope, LocalDate from, LocalDate to, String period) {
		DataScope.Condition condition = scope.where("t.provider_party_id", "t.customer_org_unit_id");
		String bucket = period.equals("month") ? "to_char(r.rated_at at time zone ?, 'YYYY-MM')" : "''";
		List<Object> params = new ArrayList<>();
		if (period.equals("month")) {
			params.add(zone.getId());
		}
		params.addAll(condition.parameters());
		params.add(start(from));
		params.add(start(to));
		return jdbc.sql("select " + bucket + " as period, r.score, count(*) as n from ticket_rating r "
				+ "join evaluation_ticket t on t.ticket_id = r.ticket_id where " + condition.sql()
				+ " and r.rated_at >= ? and r.rated_at < ? group by 1, 2")
			.params(params)
			.query((rs, n) -> new Row(rs.getString("period"), rs.getInt("score"), rs.getLong("n")))
			.list();
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(zone).toInstant());
	}

	private record Row(String period, int score, long count) {
	}

	/**
	 * The ratings of a period.
	 *
	 * @param average {@code null} when nobody rated
	 * @param distribution how many gave each score, 1 to 5, every score present
	 * @param satisfiedShare the share that gave 4 or 5 (满意率), 0 to 1; {@code null} when nobody rated
	 */
	public record Summary(long count, Double average, Map<Integer, Long> distribution, Double satisfiedShare) {

		static Summary of(Map<Integer, Long> counts) {
			Map<Integer, Long> distribution = new TreeMap<>();
			long count = 0;
			long sum = 0;
			for (int score = 1; score <= 5; score++) {
				long n = counts.getOrDefault(score, 0L);
				distribution.put(score, n);
				count += n;
				sum += n * score;
			}
			long satisfied = distribution.get(4) + distribution.get(5);
			return new Summary(count, count == 0 ? null : (double) sum / count,
					Collections.unmodifiableMap(distribution), count == 0 ? null : (double) satisfied / count);
		}
	}

	/** The ratings of one month. */
	public record Month(YearMonth month, Summary summary) {
	}
}
