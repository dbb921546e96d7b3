package org.yunwei.inspection.internal;

import java.sql.Date;
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
 * Inspections as evidence of 5.6.2 a.1 (运维设施设备定期巡检表) and 9.2.2a (巡检报告): the period's tasks planned
 * against done, done on time, overdue and with anomalies, the active plans, the latest submitted inspections and the
 * report page. Evidenced when the period has inspections; partial when no plan made any; overdue inspections and
 * active plans that made no task in the period are flagged as gaps.
 */
@Component
class InspectionEvidence implements EvidenceSource {

	static final String FACILITIES = "5.6.2a.1";
	static final String REPORTS = "9.2.2a";
	static final int LATEST = 5;

	private final JdbcClient jdbc;
	private final InspectionReport report;

	InspectionEvidence(JdbcClient jdbc, InspectionReport report) {
		this.jdbc = jdbc;
		this.report = report;
	}

	@Override
	public Set<String> items() {
		return Set.of(FACILITIES, REPORTS);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		List<InspectionReport.Line> lines = report.lines(request.from(), request.to(), request.providerPartyId(),
				request.now());
		long planned = lines.stream().mapToLong(InspectionReport.Line::planned).sum();
		long done = lines.stream().mapToLong(InspectionReport.Line::done).sum();
		long onTime = lines.stream().mapToLong(InspectionReport.Line::onTime).sum();
		long overdue = lines.stream().mapToLong(InspectionReport.Line::overdue).sum();
		long anomalous = lines.stream().mapToLong(InspectionReport.Line::anomalous).sum();
		List<Object> party = request.parameters();
		long activePlans = jdbc.sql("select count(*) from inspection_plan where active and "
				+ request.providerCondition("party_id")).params(party).query(Long.class).single();
		List<Object> idle = new ArrayList<>(party);
		idle.add(Date.valueOf(request.to()));
		idle.add(Date.valueOf(request.from()));
		idle.add(Date.valueOf(request.from()));
		idle.add(Date.valueOf(request.to()));
		long idlePlans = jdbc.sql("select count(*) from inspection_plan p where p.active and "
				+ request.providerCondition("p.party_id") + " " + """
				 and p.starts_on <= ? and (p.ends_on is null or p.ends_on >= ?)
				 and not exists (select 1 from inspection_task t where t.plan_id = p.id
				   and t.scheduled_on between ? and ?)""").params(idle).query(Long.class).single();
		List<Object> latestParams = new ArrayList<>(party);
		latestParams.add(Timestamp.from(request.start()));
		latestParams.add(Timestamp.from(request.end()));
		latestParams.add(LATEST);
		List<EvidenceRecord> latest = jdbc.sql("""
				select t.id, p.name, g.label, t.submitted_at from inspection_task t
				join inspection_plan p on p.id = t.plan_id join inspection_plan_target g on g.id = t.target_id
				where t.status = 'DONE' and""" + " " + request.providerCondition("t.party_id") + " " + """
				 and t.submitted_at >= ? and t.submitted_at < ? order by t.submitted_at desc limit ?""")
			.params(latestParams)
			.query((rs, n) -> new EvidenceRecord(rs.getString(2) + " · " + rs.getString(3),
					rs.getTimestamp(4).toInstant(), "/inspections/tasks/" + rs.getLong(1)))
			.list();
		String month = request.from().getYear() + "-" + String.format("%02d", request.from().getMonthValue());
		List<Figure> figures = List.of(new Figure("evidence.inspection.planned", planned, "/inspections/tasks"),
				new Figure("evidence.inspection.done", done, null),
				new Figure("evidence.inspection.on-time", onTime, null),
				new Figure("evidence.inspection.overdue", overdue, null),
				new Figure("evidence.inspection.anomalous", anomalous, null),
				new Figure("evidence.inspection.plans", activePlans, "/inspections/plans"));
		List<Note> gaps = new ArrayList<>();
		if (overdue > 0) {
			gaps.add(Note.of("evidence.inspection.gap.overdue", overdue));
		}
		if (idlePlans > 0) {
			gaps.add(Note.of("evidence.inspection.gap.idle-plans", idlePlans));
		}
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.inspection.link.report",
				"/inspections/report?month=" + month), new EvidenceLink("evidence.inspection.link.plans",
						"/inspections/plans"));
		List<Evidence> evidence = new ArrayList<>();
		for (String item : List.of(FACILITIES, REPORTS)) {
			Evidence one = planned > 0 ? Evidence.evidenced(item, figures)
					: Evidence.partial(item, List.of(Note.of("evidence.inspection.present.plans", activePlans)),
							List.of(Note.of("evidence.inspection.missing.tasks"))).withFigures(figures);
			evidence.add(one.withRecords(latest).withLinks(links).withGaps(gaps));
		}
		return evidence;
	}
}
