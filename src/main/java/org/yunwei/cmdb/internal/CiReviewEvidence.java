package org.yunwei.cmdb.internal;

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
 * The evidence of 7.4.2b (配置管理审核流程: the reviews of item changes and their decisions in the period) and 7.4.2c
 * (配置项的变化记录: the change records of the period, per item). 7.4.2b is partial while no class requires review,
 * since then no change is reviewed. Both count what the asked provider's ledger shows (see {@link LedgerEvidence}).
 */
@Component
class CiReviewEvidence implements EvidenceSource {

	static final String REVIEWS = "7.4.2b";
	static final String CHANGES = "7.4.2c";
	private static final int LATEST = 3;

	private final JdbcClient jdbc;
	private final CmdbScope scope;

	CiReviewEvidence(JdbcClient jdbc, CmdbScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Override
	public Set<String> items() {
		return Set.of(REVIEWS, CHANGES);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		LedgerEvidence.Scoped scoped = LedgerEvidence.Scoped.of(request, scope);
		return List.of(reviews(request, scoped), changes(request, scoped));
	}

	private Evidence reviews(EvidenceRequest request, LedgerEvidence.Scoped scoped) {
		long classes = jdbc.sql("select count(*) from ci_class where review_required").query(Long.class).single();
		List<Object> params = new ArrayList<>(period(request));
		params.addAll(scoped.params());
		long[] counts = jdbc.sql("""
				select count(*) filter (where p.requested_at >= ? and p.requested_at < ?),
				  count(*) filter (where p.state = 'APPLIED'),
				  count(*) filter (where p.state in ('REJECTED', 'RETURNED')),
				  count(*) filter (where p.state = 'PENDING')
				from ci_pending_change p join configuration_item i on i.id = p.item_id
				where (p.state = 'PENDING' or (p.requested_at >= ? and p.requested_at < ?)) and""" + " "
				+ scoped.where())
			.params(concat(period(request), params))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		List<Figure> figures = List.of(new Figure("evidence.cmdb.reviewed-classes", classes, "/cmdb/classes"),
				new Figure("evidence.cmdb.reviews", counts[0], null),
				new Figure("evidence.cmdb.reviews-applied", counts[1], null),
				new Figure("evidence.cmdb.reviews-refused", counts[2], null),
				new Figure("evidence.cmdb.reviews-waiting", counts[3], null));
		List<EvidenceRecord> latest = jdbc.sql("""
				select i.id, i.name, p.reason, p.requested_at
				from ci_pending_change p join configuration_item i on i.id = p.item_id
				where p.requested_at >= ? and p.requested_at < ? and""" + " " + scoped.where()
				+ " order by p.requested_at desc, p.id desc limit " + LATEST)
			.params(params)
			.query((rs, n) -> new EvidenceRecord(rs.getString("name") + " · " + rs.getString("reason"),
					rs.getTimestamp("requested_at").toInstant(), "/cmdb/items/" + rs.getLong("id")))
			.list();
		Evidence evidence = classes > 0 ? Evidence.evidenced(REVIEWS, figures)
				: Evidence.partial(REVIEWS, List.of(Note.of("evidence.cmdb.present.review-process")),
						List.of(Note.of("evidence.cmdb.missing.reviewed-class"))).withFigures(figures);
		return evidence.withRecords(latest)
			.withLinks(List.of(new EvidenceLink("evidence.cmdb.link.classes", "/cmdb/classes")));
	}

	private Evidence changes(EvidenceRequest request, LedgerEvidence.Scoped scoped) {
		List<Object> params = new ArrayList<>(scoped.params());
		params.addAll(period(request));
		long[] counts = jdbc.sql("""
				select count(*), count(distinct c.item_id), count(*) filter (where c.kind = 'REVIEWED')
				from ci_change c join configuration_item i on i.id = c.item_id
				where""" + " " + scoped.where() + " and c.changed_at >= ? and c.changed_at < ?")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		List<EvidenceRecord> latest = jdbc.sql("""
				select i.id, i.name, c.changed_by_name, c.changed_at
				from ci_change c join configuration_item i on i.id = c.item_id
				where""" + " " + scoped.where() + " and c.changed_at >= ? and c.changed_at < ?"
				+ " order by c.changed_at desc, c.id desc limit " + LATEST)
			.params(params)
			.query((rs, n) -> new EvidenceRecord(rs.getString("name") + " · " + rs.getString("changed_by_name"),
					rs.getTimestamp("changed_at").toInstant(), "/cmdb/items/" + rs.getLong("id")))
			.list();
		return Evidence.evidenced(CHANGES, List.of(new Figure("evidence.cmdb.changes", counts[0], null),
				new Figure("evidence.cmdb.changed-items", counts[1], "/cmdb?sort=updated"),
				new Figure("evidence.cmdb.reviewed-changes", counts[2], null)))
			.withRecords(latest)
			.withLinks(List.of(new EvidenceLink("evidence.cmdb.link.ledger-updated", "/cmdb?sort=updated")));
	}

	private static List<Object> period(EvidenceRequest request) {
		return List.of(Timestamp.from(request.start()), Timestamp.from(request.end()));
	}

	private static List<Object> concat(List<Object> first, List<Object> second) {
		List<Object> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}
}
