package org.yunwei.emergency.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.EvidenceRecord;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * Fault reports (故障报告) as evidence of 9.2.2c. Each emergency event closed in the period has its fault report (cause,
 * times, scope, process, recovery time), drafted from its timeline, edited and approved as a document of its own; the
 * item is evidenced while an event closed in the period has its fault report approved and issued, partial otherwise.
 * Every event closed in the period whose report is only a draft (or in review), or not drafted at all, is a gap naming
 * the event. The records are the closed events, those with an issued report first, each linking to its report. A
 * provider's evidence counts its own party's events.
 */
@Component
class EmergencyFaultEvidence implements EvidenceSource {

	static final String FAULT_REPORTS = "9.2.2c";

	private final JdbcClient jdbc;

	EmergencyFaultEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of(FAULT_REPORTS);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String party = request.allProviders() ? "true" : "e.party_id = ?";
		List<Object> params = new ArrayList<>();
		if (!request.allProviders()) {
			params.add(request.providerPartyId());
		}
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		String closedInPeriod = """
				 from emergency_event e
				left join emergency_report r on r.event_id = e.id and r.kind = 'FAULT'
				where %s and e.closed_at >= ? and e.closed_at < ?""".formatted(party);
		var counts = jdbc.sql("select count(*), count(*) filter (where r.status = 'ISSUED')" + closedInPeriod)
			.params(params).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long closed = counts[0];
		long issued = counts[1];
		List<EvidenceRecord> latest = jdbc.sql("select e.id, e.number, e.title, e.closed_at" + closedInPeriod
				+ " order by (r.status = 'ISSUED') is true desc, e.closed_at desc, e.id desc limit 5")
			.params(params)
			.query((rs, n) -> new EvidenceRecord(rs.getString("number") + " " + rs.getString("title"),
					rs.getTimestamp("closed_at").toInstant(),
					"/emergency/events/" + rs.getLong("id") + "/fault-report?format=pdf"))
			.list();
		List<Note> gaps = jdbc.sql("select e.number, r.status" + closedInPeriod
				+ " and r.status is distinct from 'ISSUED' order by e.closed_at desc, e.id desc limit 20")
			.params(params)
			.query((rs, n) -> Note.of(rs.getString("status") == null ? "evidence.emergency.gap.fault-report-none"
					: "evidence.emergency.gap.fault-report-draft", rs.getString("number")))
			.list();
		List<Figure> figures = List.of(
				new Figure("evidence.emergency.fault-reports", closed, "/emergency/events?status=CLOSED"),
				new Figure("evidence.emergency.issued-fault-reports", issued, "/emergency/events?status=CLOSED"));
		Evidence evidence = issued > 0 ? Evidence.evidenced(FAULT_REPORTS, figures)
				: Evidence.partial(FAULT_REPORTS, List.of(Note.of("evidence.emergency.present.fault-report")),
						List.of(Note.of(closed > 0 ? "evidence.emergency.missing.issued-fault-report"
								: "evidence.emergency.missing.fault-report"))).withFigures(figures);
		return List.of(evidence.withRecords(latest).withGaps(gaps)
			.withLinks(List.of(new EvidenceLink("evidence.emergency.link.events", "/emergency/events"))));
	}
}
