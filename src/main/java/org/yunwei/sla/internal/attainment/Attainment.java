package org.yunwei.sla.internal.attainment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.Priority;

/**
 * SLA attainment (服务级别达成情况, GZ 9.1.2.4), read straight from the clocks' rows ({@code sla_clock}).
 * <p>
 * <b>Definition.</b> A clock <i>counts</i> in a period when it stopped within the period (Asia/Shanghai days, see
 * {@link AttainmentPeriod}). It is <i>attained</i> when it stopped without breaching: its {@code breached} flag is
 * not set and it did not stop after its due time. The second half matters because the flag is raised by the
 * scheduler's tick; a clock stopped late before a tick saw it (or recorded afterwards with past instants) carries no
 * flag but still missed its target. The <i>attainment rate</i> is attained ÷ counted, per agreement and kind of
 * clock (response, resolution), over all priorities and per priority. Clocks still running past their due time
 * (flagged or not yet) are listed with the breached items of a period whose end lies after their due time; a paused
 * clock has no due time while it waits, and is listed again once it runs. The <i>trend</i> is the rate per month of the last twelve months, the
 * current one included.
 * <p>
 * Visibility is part of every query ({@link AttainmentScope}): a provider's reader never receives another
 * provider's rows. The queries filter on {@code (agreement_id, stopped_at)} of stopped clocks and on the running
 * clocks, each with a partial index (migration {@code sla/V4}).
 */
@Repository
class Attainment {

	/** A stopped clock missed its target: flagged by the tick, or stopped after its due time. */
	private static final String LATE = "(c.breached or coalesce(c.stopped_at > c.due_at, false))";

	private final JdbcClient jdbc;

	Attainment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The attainment of every visible agreement (or only {@code agreementId}) with clocks stopped in the period: per
	 * agreement and kind a row over all priorities, followed by one per priority; by agreement code.
	 */
	List<AttainmentRow> summary(AttainmentPeriod period, AttainmentScope scope, Long agreementId) {
		return jdbc.sql("""
				select a.id, a.code, a.name, c.kind, c.priority, count(*) as counted,
				    count(*) filter (where not %s) as attained
				from sla_clock c join service_level_agreement a on a.id = c.agreement_id
				where c.state = 'STOPPED' and c.stopped_at >= ? and c.stopped_at < ?
				    and (cast(? as bigint) is null or a.provider_party_id = ?)
				    and (cast(? as bigint) is null or a.id = ?)
				group by grouping sets ((a.id, a.code, a.name, c.kind), (a.id, a.code, a.name, c.kind, c.priority))
				order by a.code, a.id, c.kind desc, c.priority nulls first""".formatted(LATE))
			.params(timestamp(period.start()), timestamp(period.end()), scope.providerPartyId(),
					scope.providerPartyId(), agreementId, agreementId)
			.query((rs, n) -> {
				String priority = rs.getString("priority");
				return AttainmentRow.of(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						ClockKind.valueOf(rs.getString("kind")), priority == null ? null : Priority.valueOf(priority),
						rs.getLong("counted"), rs.getLong("attained"));
			})
			.list();
	}

	/** The agreement, when it exists and the scope sees it. */
	Optional<AgreementHeading> agreement(long agreementId, AttainmentScope scope) {
		return jdbc.sql("""
				select id, code, name from service_level_agreement
				where id = ? and (cast(? as bigint) is null or provider_party_id = ?)""")
			.params(agreementId, scope.providerPartyId(), scope.providerPartyId())
			.query((rs, n) -> new AgreementHeading(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
			.optional();
	}

	/** Visible agreements with at least one clock, for choosing one; by code. */
	List<AgreementHeading> agreements(AttainmentScope scope) {
		return jdbc.sql("""
				select a.id, a.code, a.name from service_level_agreement a
				where (cast(? as bigint) is null or a.provider_party_id = ?)
				    and exists (select 1 from sla_clock c where c.agreement_id = a.id)
				order by a.code""")
			.params(scope.providerPartyId(), scope.providerPartyId())
			.query((rs, n) -> new AgreementHeading(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
			.list();
	}

	/**
	 * The agreement's clocks that stopped late in the period, then those still running past their due time that fell
	 * due before the period's end; each group by due time. The caller has checked that the scope sees the agreement.
	 */
	List<BreachedItem> breaches(long agreementId, AttainmentPeriod period, Instant now) {
		return jdbc.sql("""
				select subject_type, subject_id, kind, priority, due_at, stopped_at from (
				    select c.*, 0 as open from sla_clock c
				    where c.agreement_id = ? and c.state = 'STOPPED' and c.stopped_at >= ? and c.stopped_at < ?
				        and %s
				    union all
				    select c.*, 1 as open from sla_clock c
				    where c.agreement_id = ? and c.state = 'RUNNING' and c.due_at < ?
				) c
				order by open, due_at, subject_type, subject_id, kind""".formatted(LATE))
			.params(agreementId, timestamp(period.start()), timestamp(period.end()), agreementId,
					timestamp(period.end().isBefore(now) ? period.end() : now))
			.query((rs, n) -> item(rs, now))
			.list();
	}

	/**
	 * The agreement's rate per month and kind for the twelve months ending with {@code lastMonth}, oldest first,
	 * every month present (without a rate when nothing stopped).
	 */
	List<MonthlyRate> trend(long agreementId, YearMonth lastMonth) {
		YearMonth firstMonth = lastMonth.minusMonths(11);
		AttainmentPeriod span = new AttainmentPeriod(firstMonth.atDay(1), lastMonth.atEndOfMonth());
		Map<String, long[]> counts = new HashMap<>();
		jdbc.sql("""
				select to_char(c.stopped_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, c.kind,
				    count(*) as counted, count(*) filter (where not %s) as attained
				from sla_clock c
				where c.agreement_id = ? and c.state = 'STOPPED' and c.stopped_at >= ? and c.stopped_at < ?
				group by 1, 2""".formatted(LATE))
			.params(agreementId, timestamp(span.start()), timestamp(span.end()))
			.query(rs -> {
				counts.put(rs.getString("month") + rs.getString("kind"),
						new long[] { rs.getLong("counted"), rs.getLong("attained") });
			});
		List<MonthlyRate> trend = new ArrayList<>(24);
		for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
			for (ClockKind kind : List.of(ClockKind.RESPONSE, ClockKind.RESOLUTION)) {
				long[] count = counts.getOrDefault(month + kind.name(), new long[2]);
				trend.add(new MonthlyRate(month, kind, count[0], count[1], AttainmentRow.rate(count[0], count[1])));
			}
		}
		return trend;
	}

	private static BreachedItem item(ResultSet rs, Instant now) throws SQLException {
		Timestamp stopped = rs.getTimestamp("stopped_at");
		return BreachedItem.of(rs.getString("subject_type"), rs.getString("subject_id"),
				ClockKind.valueOf(rs.getString("kind")), Priority.valueOf(rs.getString("priority")),
				rs.getTimestamp("due_at").toInstant(), stopped == null ? null : stopped.toInstant(), now);
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}
}
