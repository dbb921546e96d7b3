package org.yunwei.approval.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.approval.Approvals;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.EvidenceRecord;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The approval records as evidence of 7.1.2b 服务报告审批流程 and 7.7.2c 安全管理审批流程: the period's requests of the
 * subject types {@link Approvals#SERVICE_REPORT} and {@link Approvals#SECURITY_ASSESSMENT}, how they ended, and the
 * latest of them. An item is evidenced once such a request was decided in the period; until then it is partial, and
 * says that no module asks for such approvals yet (the service report and security management modules are not
 * built), rather than evidencing the items with the approval engine alone. A provider's evidence counts the requests
 * its people raised.
 */
@Component
class ApprovalEvidence implements EvidenceSource {

	static final String SERVICE_REPORTS = "7.1.2b";
	static final String SECURITY = "7.7.2c";
	private static final Map<String, String> SUBJECT_TYPES = Map.of(SERVICE_REPORTS, Approvals.SERVICE_REPORT,
			SECURITY, Approvals.SECURITY_ASSESSMENT);
	private static final int LATEST = 5;

	private final JdbcClient jdbc;

	ApprovalEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return SUBJECT_TYPES.keySet();
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		return List.of(item(SERVICE_REPORTS, request), item(SECURITY, request));
	}

	private Evidence item(String item, EvidenceRequest request) {
		String type = SUBJECT_TYPES.get(item);
		String provider = request.providerCondition("r.requester_party_id");
		List<Object> params = new ArrayList<>();
		params.add(type);
		params.addAll(request.parameters());
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		long[] counts = jdbc.sql("""
				select count(*),
				  count(*) filter (where r.outcome = 'GRANTED'),
				  count(*) filter (where r.outcome in ('REJECTED', 'RETURNED')),
				  count(*) filter (where r.outcome = 'PENDING')
				from approval_request r where r.subject_type = ?""" + " and " + provider
				+ " and r.requested_at >= ? and r.requested_at < ?")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		List<Object> latestParams = new ArrayList<>(params);
		latestParams.add(LATEST);
		List<EvidenceRecord> latest = jdbc.sql("select r.id, r.summary, r.requested_at from approval_request r "
				+ "where r.subject_type = ? and " + provider + " and r.requested_at >= ? and r.requested_at < ? "
				+ "order by r.requested_at desc limit ?")
			.params(latestParams)
			.query((rs, n) -> new EvidenceRecord(rs.getString("summary"),
					rs.getTimestamp("requested_at").toInstant(), "/approvals/" + rs.getLong("id")))
			.list();
		List<Figure> figures = List.of(new Figure("evidence.approval.requested", counts[0], null),
				new Figure("evidence.approval.granted", counts[1], null),
				new Figure("evidence.approval.refused", counts[2], null),
				new Figure("evidence.approval.waiting", counts[3], null));
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.approval.link.policies", "/approval-policies"),
				new EvidenceLink("evidence.approval.link.inbox", "/approvals"));
		long decided = counts[1] + counts[2];
		if (decided > 0) {
			return Evidence.evidenced(item, figures).withRecords(latest).withLinks(links);
		}
		return Evidence.partial(item, List.of(Note.of("evidence.approval.engine")),
				List.of(Note.of("evidence.approval.missing." + item)))
			.withFigures(figures)
			.withRecords(latest)
			.withLinks(links)
			.withGaps(List.of(Note.of("evidence.approval.gap.none-decided." + item)));
	}
}
