package org.yunwei.problem.internal;

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
 * Problems as evidence of 问题管理 (7.3.2a 问题收集表, b 问题解决方案, c 问题实施方案, d 问题处理应急方案, e 问题纳入知识库机制)
 * and of 9.2.2b 问题处理记录文档: the period's figures counted over the indexes on the recording and closing times, the
 * latest problems, and the gaps — problems worked without an emergency plan, closed problems that fed no article,
 * problems worked without a solution or implementation plan, a period with no problem at all.
 */
@Component
class ProblemEvidence implements EvidenceSource {

	static final String COLLECTION = "7.3.2a";
	static final String SOLUTION = "7.3.2b";
	static final String IMPLEMENTATION = "7.3.2c";
	static final String EMERGENCY = "7.3.2d";
	static final String KNOWLEDGE = "7.3.2e";
	static final String RECORDS = "9.2.2b";
	static final String LIST = "/problems";

	private final JdbcClient jdbc;

	ProblemEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of(COLLECTION, SOLUTION, IMPLEMENTATION, EMERGENCY, KNOWLEDGE, RECORDS);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String provider = request.providerCondition("party_id");
		List<Object> period = new ArrayList<>(request.parameters());
		period.add(Timestamp.from(request.start()));
		period.add(Timestamp.from(request.end()));
		long[] opened = jdbc.sql("""
				select count(*),
				  count(*) filter (where exists (select 1 from problem_incident i where i.problem_id = p.id)),
				  count(*) filter (where solution is not null),
				  count(*) filter (where implementation_plan is not null),
				  count(*) filter (where emergency_plan is not null),
				  count(*) filter (where known_error),
				  count(*) filter (where status in ('IN_PROGRESS', 'RESOLVED', 'CLOSED') and solution is null),
				  count(*) filter (where status in ('IN_PROGRESS', 'RESOLVED', 'CLOSED') and implementation_plan is null)
				from problem p where""" + " " + provider + " and created_at >= ? and created_at < ?")
			.params(period)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8) })
			.single();
		long[] closed = jdbc.sql("select count(*), count(*) filter (where article_id is not null) from problem where "
				+ provider + " and status = 'CLOSED' and closed_at >= ? and closed_at < ?")
			.params(period).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long withoutPlan = jdbc.sql("select count(*) from problem where " + provider
				+ " and emergency_plan is null and status in ('IN_PROGRESS', 'RESOLVED', 'CLOSED')")
			.params(request.parameters()).query(Long.class).single();
		List<Object> latest = new ArrayList<>(request.parameters());
		latest.add(Timestamp.from(request.end()));
		List<EvidenceRecord> records = jdbc.sql("select id, number, subject, created_at from problem where " + provider
				+ " and created_at < ? order by created_at desc, id desc limit 5")
			.params(latest)
			.query((rs, n) -> new EvidenceRecord(rs.getString(2) + " " + rs.getString(3),
					rs.getTimestamp(4).toInstant(), LIST + "/" + rs.getLong(1)))
			.list();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.problem.link.list", LIST));
		List<Note> none = opened[0] == 0 ? List.of(Note.of("evidence.problem.gap.none")) : List.of();
		Figure recorded = new Figure("evidence.problem.opened", opened[0], LIST);
		List<Note> planGap = withoutPlan > 0 ? List.of(Note.of("evidence.problem.gap.without-plan", withoutPlan))
				: List.of();
		return List.of(
				evidence(COLLECTION, List.of(recorded,
						new Figure("evidence.problem.from-incidents", opened[1], LIST + "?source=INCIDENT")),
						records, links, none),
				evidence(SOLUTION, List.of(recorded, new Figure("evidence.problem.solutions", opened[2], LIST)),
						records, links, opened[6] > 0
								? List.of(Note.of("evidence.problem.gap.without-solution", opened[6])) : none),
				evidence(IMPLEMENTATION, List.of(recorded,
						new Figure("evidence.problem.implementations", opened[3], LIST)), records, links,
						opened[7] > 0 ? List.of(Note.of("evidence.problem.gap.without-implementation", opened[7]))
								: none),
				evidence(EMERGENCY, List.of(recorded,
						new Figure("evidence.problem.emergency-plans", opened[4], LIST),
						new Figure("evidence.problem.without-plan", withoutPlan, null)), records, links, planGap),
				evidence(KNOWLEDGE, List.of(new Figure("evidence.problem.closed", closed[0], LIST + "?status=CLOSED"),
						new Figure("evidence.problem.articles", closed[1], LIST + "?status=CLOSED")), records, links,
						closed[0] > closed[1]
								? List.of(Note.of("evidence.problem.gap.closed-without-article", closed[0] - closed[1]))
								: List.of()),
				evidence(RECORDS, List.of(recorded, new Figure("evidence.problem.known-errors", opened[5],
						LIST + "?knownError=true"), new Figure("evidence.problem.closed", closed[0],
								LIST + "?status=CLOSED")), records, links, planGap));
	}

	private static Evidence evidence(String item, List<Figure> figures, List<EvidenceRecord> records,
			List<EvidenceLink> links, List<Note> gaps) {
		return Evidence.evidenced(item, figures).withRecords(records).withLinks(links).withGaps(gaps);
	}
}
