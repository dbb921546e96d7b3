package org.yunwei.ticket.internal.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;

/**
 * The service desk's figures of a period for the evidence register, each an indexed range count of one provider's
 * (or every provider's) tickets: created ({@code ticket_stats_created_idx}), resolved with their times and SLA
 * attainment ({@code ticket_stats_resolved_idx}), closed ({@code ticket_stats_closed_idx}), and the work-log and
 * escalation entries ({@code ticket_entry_evidence_idx}). The definitions are those of the ticket statistics
 * ({@code docs/ticket-statistics.md}), so that the register and the statistics page agree.
 */
@Component
class TicketPeriodFigures {

	private final JdbcClient jdbc;

	TicketPeriodFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tickets created in the period, by what the evidence items ask of them (their values now). */
	record Created(long tickets, long incidents, long incidentsDone, long incidentsHigh, long fromMonitoring) {
	}

	/**
	 * Tickets resolved in the period: their mean times to respond and resolve (minutes, {@code null} when none),
	 * those with an SLA, and of them those whose response and resolution clocks were not breached.
	 */
	record Resolved(long tickets, Long meanMinutesToRespond, Long meanMinutesToResolve, long slaCounted,
			long responseMet, long resolutionMet) {
	}

	/** Timeline entries of one kind made in the period, the minutes they log, and the newest of them ever. */
	record Entries(long count, long minutes, Instant latest) {
	}

	Created created(EvidenceRequest request) {
		return jdbc.sql("""
				select count(*) as tickets,
				  count(*) filter (where type = 'INCIDENT') as incidents,
				  count(*) filter (where type = 'INCIDENT' and status in ('RESOLVED', 'CLOSED')) as incidents_done,
				  count(*) filter (where type = 'INCIDENT' and priority in ('P1', 'P2')) as incidents_high,
				  count(*) filter (where channel = 'MONITORING') as from_monitoring
				from ticket where created_at >= ? and created_at < ? and """ + " "
				+ request.providerCondition("provider_party_id"))
			.params(scoped(request))
			.query((rs, n) -> new Created(rs.getLong("tickets"), rs.getLong("incidents"), rs.getLong("incidents_done"),
					rs.getLong("incidents_high"), rs.getLong("from_monitoring")))
			.single();
	}

	Resolved resolved(EvidenceRequest request) {
		return jdbc.sql("""
				select count(*) as tickets,
				  round(extract(epoch from avg(responded_at - created_at)) / 60)::bigint as respond,
				  round(extract(epoch from avg(resolved_at - created_at)) / 60)::bigint as resolve,
				  count(*) filter (where agreement_id is not null) as sla_counted,
				  count(*) filter (where agreement_id is not null and response_breached_at is null) as response_met,
				  count(*) filter (where agreement_id is not null and resolution_breached_at is null) as resolution_met
				from ticket where resolved_at >= ? and resolved_at < ? and """ + " "
				+ request.providerCondition("provider_party_id"))
			.params(scoped(request))
			.query((rs, n) -> new Resolved(rs.getLong("tickets"), rs.getObject("respond", Long.class),
					rs.getObject("resolve", Long.class), rs.getLong("sla_counted"), rs.getLong("response_met"),
					rs.getLong("resolution_met")))
			.single();
	}

	long closed(EvidenceRequest request) {
		return jdbc.sql("select count(*) from ticket where closed_at >= ? and closed_at < ? and "
				+ request.providerCondition("provider_party_id"))
			.params(scoped(request))
			.query(Long.class)
			.single();
	}

	/**
	 * Entries of {@code kind} (WORK_LOG or ESCALATED, those the index holds) of the provider's tickets. The kind is
	 * written into the statement as a literal, so that the planner sees that the partial index covers it even in a
	 * prepared statement's generic plan.
	 */
	Entries entries(EvidenceRequest request, String kind) {
		String join = request.allProviders() ? "" : " join ticket t on t.id = e.ticket_id and t.provider_party_id = ?";
		List<Object> params = new ArrayList<>(request.parameters());
		params.addAll(period(request));
		var counted = jdbc.sql("select count(*) as n, coalesce(sum(e.minutes_spent), 0) as minutes from ticket_entry e"
				+ join + " where e.kind = " + indexed(kind) + " and e.created_at >= ? and e.created_at < ?")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("minutes") })
			.single();
		Instant latest = jdbc.sql("select e.created_at from ticket_entry e" + join + " where e.kind = " + indexed(kind)
				+ " order by e.created_at desc limit 1")
			.params(request.parameters())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		return new Entries(counted[0], counted[1], latest);
	}

	/** The latest tickets created in the period, of one type or any ({@code null}), newest first. */
	List<Evidence.EvidenceRecord> latest(EvidenceRequest request, String type, int limit) {
		List<Object> params = new ArrayList<>(period(request));
		params.addAll(request.parameters());
		String typed = "";
		if (type != null) {
			typed = " and type = ?";
			params.add(type);
		}
		params.add(limit);
		return jdbc.sql("select id, number, subject, created_at from ticket where created_at >= ? and created_at < ? and "
				+ request.providerCondition("provider_party_id") + typed + " order by created_at desc, id desc limit ?")
			.params(params)
			.query((rs, n) -> new Evidence.EvidenceRecord(rs.getString("number") + " " + rs.getString("subject"),
					rs.getTimestamp("created_at").toInstant(), "/tickets/" + rs.getLong("id")))
			.list();
	}

	/** The latest entries of {@code kind} made in the period, with their ticket, newest first. */
	List<Evidence.EvidenceRecord> latestEntries(EvidenceRequest request, String kind, int limit) {
		List<Object> params = new ArrayList<>(period(request));
		params.addAll(request.parameters());
		params.add(limit);
		return jdbc.sql("""
				select t.id, t.number, e.author_name, e.created_at from ticket_entry e join ticket t on t.id = e.ticket_id
				where e.kind = """ + " " + indexed(kind) + " and e.created_at >= ? and e.created_at < ? and "
				+ request.providerCondition("t.provider_party_id") + " order by e.created_at desc limit ?")
			.params(params)
			.query((rs, n) -> new Evidence.EvidenceRecord(rs.getString("number") + " · " + rs.getString("author_name"),
					rs.getTimestamp("created_at").toInstant(), "/tickets/" + rs.getLong("id")))
			.list();
	}

	/** A kind the partial index {@code ticket_entry_evidence_idx} holds, as an SQL literal. */
	private static String indexed(String kind) {
		if (!kind.equals("WORK_LOG") && !kind.equals("ESCALATED")) {
			throw new IllegalArgumentException("ticket_entry_evidence_idx holds no " + kind);
		}
		return "'" + kind + "'";
	}

	/** Enabled alert routes (监控告警接入): the monitoring systems' incidents find their unit, service and group. */
	long alertRoutes() {
		return jdbc.sql("select count(*) from alert_route where enabled").query(Long.class).single();
	}

	/** The period's two instants, then the provider if one is asked for. */
	private static List<Object> scoped(EvidenceRequest request) {
		List<Object> params = period(request);
		params.addAll(request.parameters());
		return params;
	}

	private static List<Object> period(EvidenceRequest request) {
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		return params;
	}
}
