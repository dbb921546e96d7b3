package org.yunwei.emergency.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
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
 * Drills as evidence of 8.2.2a (应急响应预案 drilled) and 8.2.2b (应急演练报告). 8.2.2a is evidenced while a drill
 * finished in the period; every plan in force without a finished drill in the twelve months before now is a gap.
 * 8.2.2b is evidenced while a drill finished in the period has its drill report (plan, steps with their instants,
 * process, summary, improvements, revision) approved and issued; a finished drill whose report is only a draft, or
 * not drafted, is a gap naming it; the records link to the reports (PDF), issued ones first. A provider's evidence
 * counts its own party's drills and plans.
 */
@Component
class EmergencyDrillEvidence implements EvidenceSource {

	static final String DRILLED = "8.2.2a";
	static final String REPORT = "8.2.2b";

	private final JdbcClient jdbc;

	EmergencyDrillEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of(DRILLED, REPORT);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String party = request.allProviders() ? "true" : "d.party_id = ?";
		List<Object> params = new ArrayList<>();
		if (!request.allProviders()) {
			params.add(request.providerPartyId());
		}
		List<Object> periodParams = new ArrayList<>(params);
		periodParams.add(Timestamp.from(request.start()));
		periodParams.add(Timestamp.from(request.end()));
		String finishedInPeriod = " and d.status = 'FINISHED' and d.finished_at >= ? and d.finished_at < ?";
		long finished = jdbc.sql("select count(*) from emergency_drill d where " + party + finishedInPeriod)
			.params(periodParams).query(Long.class).single();
		long revisionsOpen = jdbc.sql("""
				select count(*) from emergency_drill d
				join emergency_plan_version dv on dv.id = d.plan_version_id
				join emergency_plan p on p.id = d.plan_id
				left join emergency_plan_version av on av.id = p.approved_version_id
				where d.revision_required and coalesce(av.number, 0) <= dv.number and """ + " " + party)
			.params(params).query(Long.class).single();
		List<EvidenceRecord> latest = jdbc.sql("select d.id, d.title, d.finished_at from emergency_drill d where "
				+ party + finishedInPeriod + " order by d.finished_at desc, d.id desc limit 5")
			.params(periodParams)
			.query((rs, n) -> new EvidenceRecord(rs.getString("title"), rs.getTimestamp("finished_at").toInstant(),
					"/emergency/drills/" + rs.getLong("id")))
			.list();
		// the drill reports: issued ones first; a finished drill whose report is not issued is a gap naming it
		String reportOfFinished = " from emergency_drill d left join emergency_report r on r.drill_id = d.id where "
				+ party + finishedInPeriod;
		long issued = jdbc.sql("select count(*)" + reportOfFinished + " and r.status = 'ISSUED'")
			.params(periodParams).query(Long.class).single();
		List<EvidenceRecord> reports = jdbc.sql("select d.id, d.title, d.finished_at" + reportOfFinished
				+ " order by (r.status = 'ISSUED') is true desc, d.finished_at desc, d.id desc limit 5")
			.params(periodParams)
			.query((rs, n) -> new EvidenceRecord(rs.getString("title"), rs.getTimestamp("finished_at").toInstant(),
					"/emergency/drills/" + rs.getLong("id") + "/report?format=pdf"))
			.list();
		List<Note> reportGaps = jdbc.sql("select d.title, r.status" + reportOfFinished
				+ " and r.status is distinct from 'ISSUED' order by d.finished_at desc, d.id desc limit 20")
			.params(periodParams)
			.query((rs, n) -> Note.of(rs.getString("status") == null ? "evidence.emergency.gap.drill-report-none"
					: "evidence.emergency.gap.drill-report-draft", rs.getString("title")))
			.list();
		Instant yearAgo = ZonedDateTime.ofInstant(request.now(), request.zone()).minusMonths(12).toInstant();
		List<Object> undrilledParams = new ArrayList<>();
		undrilledParams.add(Timestamp.from(yearAgo));
		undrilledParams.addAll(params);
		List<String> undrilled = jdbc.sql("""
				select p.title from emergency_plan p
				where p.approved_version_id is not null and p.status <> 'RETIRED'
				  and not exists (select 1 from emergency_drill d where d.plan_id = p.id and d.status = 'FINISHED'
				                  and d.finished_at >= ?) and """ + " " + party.replace("d.party_id", "p.party_id")
				+ " order by p.title limit 20")
			.params(undrilledParams).query(String.class).list();

		List<Figure> figures = List.of(new Figure("evidence.emergency.drills-finished", finished, "/emergency/drills"),
				new Figure("evidence.emergency.revisions-open", revisionsOpen, "/emergency/drills"));
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.emergency.link.drills", "/emergency/drills"));
		Evidence drilled = (finished > 0 ? Evidence.evidenced(DRILLED, figures)
				: Evidence.partial(DRILLED, List.of(Note.of("evidence.emergency.present.drill-records")),
						List.of(Note.of("evidence.emergency.missing.drill-in-period"))).withFigures(figures))
			.withRecords(latest).withLinks(links);
		List<Note> gaps = new ArrayList<>();
		undrilled.forEach(title -> gaps.add(Note.of("evidence.emergency.gap.not-drilled", title)));
		if (revisionsOpen > 0) {
			gaps.add(Note.of("evidence.emergency.gap.revision-open", revisionsOpen));
		}
		List<Figure> reportFigures = List.of(new Figure("evidence.emergency.drills-finished", finished,
				"/emergency/drills"), new Figure("evidence.emergency.issued-drill-reports", issued, "/emergency/drills"));
		Evidence report = (issued > 0 ? Evidence.evidenced(REPORT, reportFigures)
				: Evidence.partial(REPORT, List.of(Note.of("evidence.emergency.present.drill-summaries", finished)),
						List.of(Note.of(finished > 0 ? "evidence.emergency.missing.issued-drill-report"
								: "evidence.emergency.missing.drill-report"))).withFigures(reportFigures))
			.withRecords(reports).withGaps(reportGaps).withLinks(links);
		return List.of(drilled.withGaps(gaps), report);
	}
}
