package org.yunwei.evaluation.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.DataScope;
import org.yunwei.web.KeysetPage;

/**
 * The return-visit report (回访报告, Hunan 6.1.2e), per provider for a period: visits planned (tickets resolved in the
 * period that the worklist's rules put on it) and of those reached; calls made and their results; the satisfaction
 * ratings given, by score; follow-ups opened by ratings and visits of the period, and of those resolved or closed.
 * Periods are local dates in the service desk's zone, the first day included and the last excluded. Every figure is
 * a count of records that {@link #records} lists, so that a figure and its records never disagree.
 */
@Service
class ReturnVisitReport {

	/** What a figure counts; the records page lists the same rows. */
	enum Figure {
		PLANNED, REACHED, CALLS, RESULT, SCORE, FOLLOW_UPS_OPENED, FOLLOW_UPS_CLOSED
	}

	private final JdbcClient jdbc;
	private final SatisfactionSettings settings;

	ReturnVisitReport(JdbcClient jdbc, SatisfactionSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The figures of each provider in {@code scope} (or of one, {@code providerPartyId}), by provider id. */
	@Transactional(readOnly = true)
	Map<Long, ProviderFigures> figures(DataScope scope, LocalDate from, LocalDate to, Long providerPartyId) {
		Map<Long, ProviderFigures> figures = new TreeMap<>();
		for (Figure figure : Figure.values()) {
			Query query = query(figure, null, scope, from, to, providerPartyId);
			String value = switch (figure) {
				case RESULT -> "v.result";
				case SCORE -> "r.score::text";
				default -> "''";
			};
			jdbc.sql("select t.provider_party_id as provider, " + value + " as value, count(*) as n "
					+ query.from() + " group by 1, 2")
				.params(query.params())
				.query(rs -> {
					figures.computeIfAbsent(rs.getLong("provider"), ProviderFigures::new)
						.add(figure, rs.getString("value"), rs.getLong("n"));
				});
		}
		return figures;
	}

	/**
	 * The records behind one figure, newest first, one keyset page at a time: the ticket, when, and what (the
	 * result, the score, the follow-up).
	 *
	 * @param value the result or score for {@link Figure#RESULT} and {@link Figure#SCORE}; {@code null} for all
	 * @param after the last record of the previous page; {@code null} for the first
	 */
	@Transactional(readOnly = true)
	KeysetPage<ReportRecord> records(Figure figure, String value, DataScope scope, LocalDate from, LocalDate to,
			Long providerPartyId, int limit, ReportRecord.Cursor after) {
		Query query = query(figure, value, scope, from, to, providerPartyId);
		String detail = switch (figure) {
			case PLANNED, REACHED -> "t.resolved_at as at, null as detail, null::bigint as follow_up";
			case CALLS, RESULT -> "v.called_at as at, v.result as detail, v.follow_up_ticket_id as follow_up";
			case SCORE -> "r.rated_at as at, r.score::text as detail, r.follow_up_ticket_id as follow_up";
			case FOLLOW_UPS_OPENED, FOLLOW_UPS_CLOSED ->
				"f.at as at, f.follow_up_number as detail, f.follow_up_ticket_id as follow_up";
		};
		List<Object> params = new ArrayList<>(query.params());
		String page = "";
		if (after != null) {
			page = " where (at, ticket_id) < (?, ?)";
			params.add(Timestamp.from(after.at()));
			params.add(after.ticketId());
		}
		params.add(limit + 1);
		List<ReportRecord> rows = jdbc.sql("select * from (select t.ticket_id, t.number, t.subject, " + detail + " "
				+ query.from() + ") records" + page + " order by at desc, ticket_id desc limit ?")
			.params(params)
			.query((rs, n) -> new ReportRecord(rs.getLong("ticket_id"), rs.getString("number"),
					rs.getString("subject"), EvaluationTickets.instant(rs, "at"), rs.getString("detail"),
					(Long) rs.getObject("follow_up")))
			.list();
		return KeysetPage.of(rows, limit, row -> new ReportRecord.Cursor(row.at(), row.ticketId()).encode());
	}

	private Query query(Figure figure, String value, DataScope scope, LocalDate from, LocalDate to,
			Long providerPartyId) {
		DataScope.Condition condition = scope.where("t.provider_party_id", "t.customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		String period;
		switch (figure) {
			case PLANNED, REACHED -> {
				sql.append("from evaluation_ticket t left join ticket_rating r on r.ticket_id = t.ticket_id");
				period = "t.resolved_at";
			}
			case CALLS, RESULT -> {
				sql.append("from ticket_return_visit v join evaluation_ticket t on t.ticket_id = v.ticket_id");
				period = "v.called_at";
			}
			case SCORE -> {
				sql.append("from ticket_rating r join evaluation_ticket t on t.ticket_id = r.ticket_id");
				period = "r.rated_at";
			}
			default -> {
				sql.append("from (select ticket_id, follow_up_ticket_id, follow_up_number, rated_at as at")
					.append(" from ticket_rating where follow_up_ticket_id is not null")
					.append(" union all select ticket_id, follow_up_ticket_id, follow_up_number, called_at")
					.append(" from ticket_return_visit where follow_up_ticket_id is not null) f")
					.append(" join evaluation_ticket t on t.ticket_id = f.ticket_id");
				if (figure == Figure.FOLLOW_UPS_CLOSED) {
					sql.append(" join evaluation_ticket d on d.ticket_id = f.follow_up_ticket_id")
						.append(" and d.status in ('RESOLVED', 'CLOSED')");
				}
				period = "f.at";
			}
		}
		sql.append(" where ").append(condition.sql());
		params.addAll(condition.parameters());
		sql.append(" and ").append(period).append(" >= ? and ").append(period).append(" < ?");
		params.add(start(from));
		params.add(start(to));
		if (providerPartyId != null) {
			sql.append(" and t.provider_party_id = ?");
			params.add(providerPartyId);
		}
		if (figure == Figure.PLANNED || figure == Figure.REACHED) {
			sql.append(" and (").append(ReturnVisitSample.condition("t.ticket_id")).append(" or t.major or r.score <= ?)");
			params.add(settings.returnVisitSamplePercent());
			params.add(settings.lowRatingThreshold());
		}
		if (figure == Figure.REACHED) {
			sql.append(" and exists (select 1 from ticket_return_visit x where x.ticket_id = t.ticket_id")
				.append(" and x.result <> 'UNREACHABLE')");
		}
		if (figure == Figure.RESULT && value != null) {
			sql.append(" and v.result = ?");
			params.add(value);
		}
		if (figure == Figure.SCORE && value != null) {
			sql.append(" and r.score = ?");
			params.add(Integer.parseInt(value));
		}
		return new Query(sql.toString(), params);
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(settings.zone()).toInstant());
	}

	private record Query(String from, List<Object> params) {
	}

	/** One provider's figures; every result and score present, zero when none. */
	static final class ProviderFigures {

		final long providerPartyId;
		final Map<Figure, Long> counts = new EnumMap<>(Figure.class);
		final Map<ReturnVisitResult, Long> results = new EnumMap<>(ReturnVisitResult.class);
		final Map<Integer, Long> scores = new TreeMap<>();

		ProviderFigures(long providerPartyId) {
			this.providerPartyId = providerPartyId;
			for (Figure figure : Figure.values()) {
				counts.put(figure, 0L);
			}
			for (ReturnVisitResult result : ReturnVisitResult.values()) {
				results.put(result, 0L);
			}
			for (int score = 1; score <= 5; score++) {
				scores.put(score, 0L);
			}
		}

		void add(Figure figure, String value, long n) {
			counts.merge(figure, n, Long::sum);
			if (figure == Figure.RESULT) {
				results.put(ReturnVisitResult.valueOf(value), n);
			}
			if (figure == Figure.SCORE) {
				scores.put(Integer.valueOf(value), n);
			}
		}

		public long providerPartyId() {
			return providerPartyId;
		}

		public long count(String figure) {
			return counts.get(Figure.valueOf(figure));
		}

		public Map<ReturnVisitResult, Long> results() {
			return results;
		}

		public Map<Integer, Long> scores() {
			return scores;
		}
	}
}
