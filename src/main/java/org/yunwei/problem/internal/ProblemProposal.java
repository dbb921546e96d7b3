package org.yunwei.problem.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Permission;
import org.yunwei.knowledge.KnowledgeArticles;
import org.yunwei.problem.internal.ProblemTimeline.Kind;
import org.yunwei.web.RejectedRequest;

/**
 * 问题纳入知识库机制: a closed problem proposes a knowledge article from its subject, root cause, solution and
 * workaround, which the knowledge base drafts and submits for its 入库审批. It runs in a transaction of its own after
 * the close, so that a refused proposal (the closer may not write knowledge, nobody is there to approve) leaves the
 * problem closed and may be asked for again; a problem proposes one article at most.
 */
@Service
public class ProblemProposal {

	static final String CATEGORY = "问题管理";

	private final ProblemRecords problems;
	private final ProblemTimeline timeline;
	private final ProblemAccess access;
	private final KnowledgeArticles knowledge;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	ProblemProposal(ProblemRecords problems, ProblemTimeline timeline, ProblemAccess access,
			KnowledgeArticles knowledge, AuditTrail audit) {
		this.problems = problems;
		this.timeline = timeline;
		this.access = access;
		this.knowledge = knowledge;
		this.audit = audit;
	}

	/** Proposes the article of a closed problem; 409 when it is not closed or has proposed one already. */
	@Transactional
	public long propose(long id) {
		Actor actor = access.require(Permission.PROBLEM_CLOSE);
		Problem problem = problems.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("problem"));
		access.requireWritable(problem);
		if (problem.status() != ProblemStatus.CLOSED || problem.articleId() != null) {
			throw RejectedRequest.conflict("problem-article-not-due", "problems.article.not-due");
		}
		ProblemCollection c = problem.collection();
		long articleId = knowledge.propose(title(c.subject()), body(problem), CATEGORY, List.of(problem.number()),
				c.serviceId() == null ? List.of() : List.of(c.serviceId()));
		problem.articleId = articleId;
		problems.update(problem);
		timeline.add(id, Kind.ARTICLE_PROPOSED, null, actor, clock.instant());
		audit.record(AuditEntry.of("PROBLEM_ARTICLE_PROPOSED", "problem", id).after(Map.of("articleId", articleId))
			.detail(problem.number()));
		return articleId;
	}

	private static String title(String subject) {
		String title = "问题处理：" + subject;
		return title.length() > 200 ? title.substring(0, 200) : title;
	}

	/** Markdown; each text is a paragraph of its own, as its author wrote it. */
	static String body(Problem p) {
		StringBuilder body = new StringBuilder();
		body.append("## 问题现象\n\n").append(p.collection().description()).append("\n\n");
		body.append("## 根本原因\n\n").append(p.rootCause()).append("\n\n");
		body.append("## 解决方案\n\n").append(p.solution().text()).append("\n\n");
		if (p.workaround() != null) {
			body.append("## 临时解决办法（已知错误）\n\n").append(p.workaround()).append("\n\n");
		}
		if (p.resolution() != null) {
			body.append("## 处理结果\n\n").append(p.resolution()).append("\n\n");
		}
		body.append("来源：问题 ").append(p.number()).append('\n');
		return body.toString();
	}
}
