package org.yunwei.release.internal;

import java.sql.Timestamp;
import java.time.Duration;
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
import org.yunwei.document.PolicyDocuments;

/**
 * Release records as evidence of 7.6.2a–d: 7.6.2a (发布管理制度) is evidenced when the document library holds a
 * 发布管理制度 in force for the provider asked about, with the period's releases as figures (partial until it does;
 * the document module names the missing document); 7.6.2b the period's release plans (发布方案) with their dates and known errors;
 * 7.6.2c the releases approved through the approval module (发布审批流程); 7.6.2d the completion records
 * (发布完成信息记录). Gaps flag releases completed without an approval and deployed releases still without their
 * completion record a week later. A provider's evidence counts the releases its people planned.
 */
@Component
class ReleaseEvidence implements EvidenceSource {

	static final String RULES = "7.6.2a";
	static final String PLANS = "7.6.2b";
	static final String APPROVALS = "7.6.2c";
	static final String COMPLETIONS = "7.6.2d";
	static final String RULES_CATEGORY = "RELEASE";

	private final JdbcClient jdbc;
	private final PolicyDocuments documents;

	ReleaseEvidence(JdbcClient jdbc, PolicyDocuments documents) {
		this.jdbc = jdbc;
		this.documents = documents;
	}

	@Override
	public Set<String> items() {
		return Set.of(RULES, PLANS, APPROVALS, COMPLETIONS);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String provider = request.providerCondition("r.provider_party_id");
		List<Object> params = new ArrayList<>(request.parameters());
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		long[] planned = jdbc.sql("""
				select count(*),
				  count(*) filter (where r.plan is not null and r.planned_at is not null),
				  count(*) filter (where r.known_errors is not null),
				  count(*) filter (where r.release_type = 'EMERGENCY')
				from release_record r where """ + " " + provider + " and r.created_at >= ? and r.created_at < ?")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		long approved = count(provider + " and r.approved_at >= ? and r.approved_at < ?", params);
		long completed = count(provider + " and r.completed_at >= ? and r.completed_at < ?", params);
		long cmdbUpdated = count(provider + " and r.completed_at >= ? and r.completed_at < ?"
				+ " and (jsonb_array_length(r.cmdb_updates) > 0 or jsonb_array_length(r.new_items) > 0)", params);
		List<Object> gapParams = new ArrayList<>(request.parameters());
		long withoutApproval = count(provider + " and r.completed_at is not null and r.approved_at is null",
				gapParams);
		gapParams.add(Timestamp.from(request.now().minus(Duration.ofDays(7))));
		long uncompleted = count(provider + " and r.status = 'DEPLOYED' and r.deployed_at < ?", gapParams);
		List<EvidenceRecord> latestPlans = latest(provider, "created_at", params);
		List<EvidenceRecord> latestCompleted = latest(provider, "completed_at", params);

		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.release.link.list", "/releases"));
		List<Note> quiet = planned[0] == 0 ? List.of(Note.of("evidence.release.gap.none-planned")) : List.of();
		List<Note> approvalGaps = new ArrayList<>(quiet);
		if (withoutApproval > 0) {
			approvalGaps.add(Note.of("evidence.release.gap.without-approval", withoutApproval));
		}
		List<Note> completionGaps = new ArrayList<>();
		if (withoutApproval > 0) {
			completionGaps.add(Note.of("evidence.release.gap.without-approval", withoutApproval));
		}
		if (uncompleted > 0) {
			completionGaps.add(Note.of("evidence.release.gap.uncompleted", uncompleted));
		}
		if (completed == 0) {
			completionGaps.add(Note.of("evidence.release.gap.none-completed"));
		}
		List<Figure> ruleFigures = List.of(new Figure("evidence.release.planned", planned[0], "/releases"),
				new Figure("evidence.release.completed", completed, "/releases?status=COMPLETED"));
		long rules = documents.inForce(RULES_CATEGORY, request.providerPartyId());
		Evidence rulesEvidence = rules > 0 ? Evidence.evidenced(RULES, ruleFigures)
				// the document module names the missing 制度 for this item; this source adds what the records show
				: Evidence.partial(RULES, List.of(Note.of("evidence.release.present.records", planned[0])), List.of())
					.withFigures(ruleFigures);
		return List.of(rulesEvidence.withLinks(links),
				Evidence.evidenced(PLANS, List.of(new Figure("evidence.release.planned", planned[0], "/releases"),
						new Figure("evidence.release.with-plan", planned[1], null),
						new Figure("evidence.release.known-errors", planned[2], null),
						new Figure("evidence.release.emergency", planned[3], "/releases?type=EMERGENCY")))
					.withRecords(latestPlans).withLinks(links).withGaps(quiet),
				Evidence.evidenced(APPROVALS, List.of(new Figure("evidence.release.approved", approved, "/releases"),
						new Figure("evidence.release.without-approval", withoutApproval, null)))
					.withLinks(links).withGaps(approvalGaps),
				Evidence.evidenced(COMPLETIONS, List.of(
						new Figure("evidence.release.completed", completed, "/releases?status=COMPLETED"),
						new Figure("evidence.release.cmdb-updated", cmdbUpdated, null),
						new Figure("evidence.release.uncompleted", uncompleted, "/releases?status=DEPLOYED")))
					.withRecords(latestCompleted).withLinks(links).withGaps(completionGaps));
	}

	private long count(String where, List<Object> params) {
		return jdbc.sql("select count(*) from release_record r where " + where).params(params).query(Long.class)
			.single();
	}

	private List<EvidenceRecord> latest(String provider, String column, List<Object> params) {
		return jdbc.sql("select r.id, r.number, r.title, r.release_version, r." + column + " as at "
				+ "from release_record r where " + provider + " and r." + column + " >= ? and r." + column
				+ " < ? order by r." + column + " desc limit 5")
			.params(params)
			.query((rs, n) -> new EvidenceRecord(rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
					ReleaseRecords.instant(rs, "at"), "/releases/" + rs.getLong(1)))
			.list();
	}
}
