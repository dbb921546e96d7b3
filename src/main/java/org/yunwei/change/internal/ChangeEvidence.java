package org.yunwei.change.internal;

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
 * Change records as evidence of 7.5.2a–e: the period's change requests (变更信息收集), their risk and impact
 * assessments (变更评估报告), implementation plans (变更实施方案), approvals (变更审批流程) and rollback plans
 * (变更应急方案). Gaps flag changes implemented without an approval, and implemented changes still without their
 * review a week after they ended. A provider's evidence counts the changes its people raised.
 */
@Component
class ChangeEvidence implements EvidenceSource {

	static final String REQUESTS = "7.5.2a";
	static final String ASSESSMENTS = "7.5.2b";
	static final String PLANS = "7.5.2c";
	static final String APPROVALS = "7.5.2d";
	static final String ROLLBACK_PLANS = "7.5.2e";

	private final JdbcClient jdbc;

	ChangeEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of(REQUESTS, ASSESSMENTS, PLANS, APPROVALS, ROLLBACK_PLANS);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String provider = request.providerCondition("c.provider_party_id");
		List<Object> params = new ArrayList<>(request.parameters());
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		long[] raised = jdbc.sql("""
				select count(*),
				  count(*) filter (where c.risk_level in ('HIGH', 'CRITICAL')),
				  count(*) filter (where c.risk_justification is not null),
				  count(*) filter (where jsonb_array_length(c.steps) > 0),
				  count(*) filter (where c.rollback_plan is not null),
				  count(*) filter (where c.category = 'EMERGENCY')
				from change_request c where """ + " " + provider + " and c.created_at >= ? and c.created_at < ?")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6) })
			.single();
		long approved = jdbc.sql("select count(*) from change_request c where " + provider
				+ " and c.approved_at >= ? and c.approved_at < ?").params(params).query(Long.class).single();
		long failed = jdbc.sql("select count(*) from change_request c where " + provider
				+ " and c.actual_end >= ? and c.actual_end < ? and c.outcome in ('ROLLED_BACK', 'REMEDIED')")
			.params(params).query(Long.class).single();
		List<Object> gapParams = new ArrayList<>(request.parameters());
		long withoutApproval = jdbc.sql("select count(*) from change_request c where " + provider
				+ " and c.actual_start is not null and c.approved_at is null").params(gapParams).query(Long.class)
			.single();
		gapParams.add(Timestamp.from(request.now().minus(java.time.Duration.ofDays(7))));
		long unreviewed = jdbc.sql("select count(*) from change_request c where " + provider
				+ " and c.status = 'IMPLEMENTED' and c.actual_end < ?").params(gapParams).query(Long.class).single();
		List<EvidenceRecord> latest = jdbc.sql("select c.id, c.number, c.title, c.created_at from change_request c "
				+ "where " + provider + " and c.created_at >= ? and c.created_at < ? "
				+ "order by c.created_at desc limit 5")
			.params(params)
			.query((rs, n) -> new EvidenceRecord(rs.getString(2) + " " + rs.getString(3),
					ChangeRecords.instant(rs, "created_at"), "/changes/" + rs.getLong(1)))
			.list();
		List<Note> quiet = raised[0] == 0 ? List.of(Note.of("evidence.change.gap.none-raised")) : List.of();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.change.link.list", "/changes"),
				new EvidenceLink("evidence.change.link.calendar", "/changes/calendar"));
		List<Note> approvalGaps = new ArrayList<>(quiet);
		if (withoutApproval > 0) {
			approvalGaps.add(Note.of("evidence.change.gap.without-approval", withoutApproval));
		}
		if (unreviewed > 0) {
			approvalGaps.add(Note.of("evidence.change.gap.unreviewed", unreviewed));
		}
		return List.of(
				Evidence.evidenced(REQUESTS, List.of(new Figure("evidence.change.raised", raised[0], "/changes"),
						new Figure("evidence.change.emergency", raised[5], "/changes?category=EMERGENCY")))
					.withRecords(latest).withLinks(links).withGaps(quiet),
				Evidence.evidenced(ASSESSMENTS, List.of(new Figure("evidence.change.assessed", raised[0], "/changes"),
						new Figure("evidence.change.high-risk", raised[1], null),
						new Figure("evidence.change.risk-adjusted", raised[2], null)))
					.withLinks(links).withGaps(quiet),
				Evidence.evidenced(PLANS, List.of(new Figure("evidence.change.planned", raised[3], "/changes")))
					.withLinks(links).withGaps(quiet),
				Evidence.evidenced(APPROVALS, List.of(new Figure("evidence.change.approved", approved, "/changes"),
						new Figure("evidence.change.without-approval", withoutApproval, null),
						new Figure("evidence.change.unreviewed", unreviewed, "/changes?status=IMPLEMENTED")))
					.withLinks(links).withGaps(approvalGaps),
				Evidence.evidenced(ROLLBACK_PLANS, List.of(
						new Figure("evidence.change.rollback-plans", raised[4], "/changes"),
						new Figure("evidence.change.failed", failed, null)))
					.withLinks(links).withGaps(quiet));
	}
}
