package org.yunwei.knowledge.internal.usage;

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
 * The knowledge base in the compliance register: 6.2.2b coverage (resolved incidents with a linked article), 6.2.2c
 * availability and effectiveness (articles readers can find, links marked as solving; articles past their review
 * date flagged), 6.2.2d 入库和审批记录 (versions submitted and decided, each with its approval request), 6.2.2e 更新记录
 * (revisions published, articles retired), and 5.6.2a.2 日常问题查询库 (resolved tickets searchable in full text
 * within the reader's scope, and similar resolved incidents suggested while a ticket is written). One provider's
 * evidence counts its own articles and incidents.
 * <p>
 * The articles in force are counted from two partial indexes alone ({@code knowledge/V9}): the articles published
 * and not retired, with their party and review date, against the versions readable by customers.
 */
@Component
class KnowledgeEvidence implements EvidenceSource {

	static final String COVERAGE = "6.2.2b";
	static final String EFFECTIVENESS = "6.2.2c";
	static final String APPROVALS = "6.2.2d";
	static final String UPDATES = "6.2.2e";
	static final String DAILY_PROBLEMS = "5.6.2a.2";
	static final int RECORDS = 5;

	private final JdbcClient jdbc;

	KnowledgeEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of(COVERAGE, EFFECTIVENESS, APPROVALS, UPDATES, DAILY_PROBLEMS);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String link = "/knowledge/coverage?from=" + request.from() + "&to=" + request.to();
		long[] incidents = jdbc.sql("""
				select count(*),
				    count(*) filter (where exists (select 1 from knowledge_ticket_link l where l.ticket_id = r.ticket_id))
				from knowledge_resolved_incident r where r.resolved_at >= ? and r.resolved_at < ? and""" + " "
				+ request.providerCondition("r.provider_party_id"))
			.params(period(request, request.parameters()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long[] articles = jdbc.sql("""
				select count(*), count(v.id),
				    count(*) filter (where a.review_date < (cast(? as timestamptz) at time zone 'Asia/Shanghai')::date)
				from knowledge_article a
				left join knowledge_article_version v on v.id = a.published_version_id and v.visibility = 'CUSTOMER'
				where a.published_version_id is not null and a.status <> 'RETIRED' and""" + " "
				+ request.providerCondition("a.party_id"))
			.params(with(Timestamp.from(request.now()), request.parameters()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		long[] links = jdbc.sql("""
				select count(*), count(*) filter (where l.solved), count(*) filter (where not l.solved)
				from knowledge_ticket_link l join knowledge_article a on a.id = l.article_id
				where l.linked_at >= ? and l.linked_at < ? and""" + " " + request.providerCondition("a.party_id"))
			.params(period(request, request.parameters()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		long[] versions = jdbc.sql("""
				select count(*), count(*) filter (where v.status in ('PUBLISHED', 'SUPERSEDED')),
				    count(*) filter (where v.status = 'NOT_APPROVED'),
				    count(*) filter (where v.status in ('PUBLISHED', 'SUPERSEDED') and v.number > 1)
				from knowledge_article_version v join knowledge_article a on a.id = v.article_id
				where v.decided_at >= ? and v.decided_at < ? and""" + " " + request.providerCondition("a.party_id"))
			.params(period(request, request.parameters()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) }).single();
		List<EvidenceRecord> decided = jdbc.sql("""
				select v.title, v.number, v.status, v.decided_at, v.article_id
				from knowledge_article_version v join knowledge_article a on a.id = v.article_id
				where v.decided_at >= ? and v.decided_at < ? and""" + " " + request.providerCondition("a.party_id")
				+ " order by v.decided_at desc limit " + RECORDS)
			.params(period(request, request.parameters()))
			.query((rs, n) -> new EvidenceRecord(rs.getString(1) + " · v" + rs.getInt(2), rs.getTimestamp(4)
				.toInstant(), "/knowledge/" + rs.getLong(5) + "/versions"))
			.list();

		List<Evidence> evidence = new ArrayList<>();
		Evidence coverage = articles[0] > 0 ? Evidence.evidenced(COVERAGE, List.of())
				: Evidence.partial(COVERAGE, List.of(Note.of("evidence.knowledge.present.module")),
						List.of(Note.of("evidence.knowledge.missing.articles")));
		List<Note> coverageGaps = new ArrayList<>();
		if (incidents[0] > 0 && incidents[1] == 0) {
			coverageGaps.add(Note.of("evidence.knowledge.gap.uncovered", incidents[0]));
		}
		evidence.add(coverage.withFigures(List.of(new Figure("evidence.knowledge.resolved", incidents[0], link),
				new Figure("evidence.knowledge.covered", incidents[1], link),
				new Figure("evidence.knowledge.published", articles[0], "/knowledge/articles?status=PUBLISHED")))
			.withLinks(List.of(new EvidenceLink("evidence.knowledge.link.coverage", link)))
			.withGaps(coverageGaps));

		Evidence effectiveness = links[1] + links[2] > 0 ? Evidence.evidenced(EFFECTIVENESS, List.of())
				: Evidence.partial(EFFECTIVENESS, List.of(Note.of("evidence.knowledge.present.published", articles[0])),
						List.of(Note.of("evidence.knowledge.missing.marked")));
		List<Note> reviewGaps = new ArrayList<>();
		if (articles[2] > 0) {
			reviewGaps.add(Note.of("evidence.knowledge.gap.past-review", articles[2]));
		}
		evidence.add(effectiveness.withFigures(List.of(
				new Figure("evidence.knowledge.for-customers", articles[1], null),
				new Figure("evidence.knowledge.links", links[0], link),
				new Figure("evidence.knowledge.solved", links[1], link),
				new Figure("evidence.knowledge.not-solved", links[2], link),
				new Figure("evidence.knowledge.past-review", articles[2], "/knowledge/articles?status=PUBLISHED")))
			.withLinks(List.of(new EvidenceLink("evidence.knowledge.link.coverage", link)))
			.withGaps(reviewGaps));

		evidence.add(Evidence.evidenced(APPROVALS, List.of(new Figure("evidence.knowledge.decided", versions[0], null),
				new Figure("evidence.knowledge.approved", versions[1], null),
				new Figure("evidence.knowledge.not-approved", versions[2], null)))
			.withRecords(decided)
			.withLinks(List.of(new EvidenceLink("evidence.knowledge.link.articles", "/knowledge/articles"))));

		long retired = jdbc.sql("""
				select count(*) from knowledge_article a where a.status = 'RETIRED' and a.updated_at >= ?
				    and a.updated_at < ? and""" + " " + request.providerCondition("a.party_id"))
			.params(period(request, request.parameters())).query(Long.class).single();
		evidence.add(Evidence.evidenced(UPDATES, List.of(new Figure("evidence.knowledge.revised", versions[3], null),
				new Figure("evidence.knowledge.retired", retired, null)))
			.withRecords(decided)
			.withLinks(List.of(new EvidenceLink("evidence.knowledge.link.articles", "/knowledge/articles"))));

		// the 日常问题查询库: resolved tickets are searchable in full text within the reader's scope, and suggested
		// while a ticket is written
		evidence.add(Evidence.evidenced(DAILY_PROBLEMS,
				List.of(new Figure("evidence.knowledge.resolved", incidents[0], link)))
			.withLinks(List.of(new EvidenceLink("evidence.knowledge.link.daily", "/knowledge/resolved-tickets"))));
		return evidence;
	}

	private static List<Object> period(EvidenceRequest request, List<Object> then) {
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		params.addAll(then);
		return params;
	}

	private static List<Object> with(Object first, List<Object> then) {
		List<Object> params = new ArrayList<>();
		params.add(first);
		params.addAll(then);
		return params;
	}
}
