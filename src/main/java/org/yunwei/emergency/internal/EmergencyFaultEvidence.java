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
 * Fault reports (故障报告) as evidence of 9.2.2c: each emergency event closed in the period has its fault report —
 * cause, times, scope, process and recovery time, generated from its timeline as PDF or Word — so the item is
 * evidenced while an event closed in the period, partial otherwise; the latest closed events are the records, each
 * linking to its report. A provider's evidence counts its own party's events.
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
		String party = request.allProviders() ? "true" : "party_id = ?";
		List<Object> params = new ArrayList<>();
		if (!request.allProviders()) {
			params.add(request.providerPartyId());
		}
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		String closedInPeriod = " and closed_at >= ? and closed_at < ?";
		long closed = jdbc.sql("select count(*) from emergency_event where " + party + closedInPeriod)
			.params(params).query(Long.class).single();
		List<EvidenceRecord> latest = jdbc.sql("select id, number, title, closed_at from emergency_event where "
				+ party + closedInPeriod + " order by closed_at desc, id desc limit 5")
			.params(params)
			.query((rs, n) -> new EvidenceRecord(rs.getString("number") + " " + rs.getString("title"),
					rs.getTimestamp("closed_at").toInstant(),
					"/emergency/events/" + rs.getLong("id") + "/fault-report?format=pdf"))
			.list();
		List<Figure> figures = List.of(new Figure("evidence.emergency.fault-reports", closed,
				"/emergency/events?status=CLOSED"));
		Evidence evidence = closed > 0 ? Evidence.evidenced(FAULT_REPORTS, figures)
				: Evidence.partial(FAULT_REPORTS, List.of(Note.of("evidence.emergency.present.fault-report")),
						List.of(Note.of("evidence.emergency.missing.fault-report"))).withFigures(figures);
		return List.of(evidence.withRecords(latest)
			.withLinks(List.of(new EvidenceLink("evidence.emergency.link.events", "/emergency/events"))));
	}
}
