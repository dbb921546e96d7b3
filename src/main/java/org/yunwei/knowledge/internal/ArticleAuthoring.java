package org.yunwei.knowledge.internal;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.knowledge.ArticleRetired;
import org.yunwei.knowledge.internal.search.KnowledgeChangeLog;
import org.yunwei.web.RejectedRequest;

/**
 * Writing articles: a new draft, a revision of the working copy, retiring. Each write is audited in its transaction;
 * retiring also tells the search index through the change log, in the same transaction.
 */
@Service
public class ArticleAuthoring {

	private final ArticleRecords articles;
	private final ArticleAccess access;
	private final KnowledgeChangeLog changes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final ArticleReferences references;

	ArticleAuthoring(ArticleRecords articles, ArticleAccess access, KnowledgeChangeLog changes, AuditTrail audit,
			ApplicationEventPublisher events, ArticleReferences references) {
		this.references = references;
		this.articles = articles;
		this.access = access;
		this.changes = changes;
		this.audit = audit;
		this.events = events;
	}

	/** A new draft of the signed-in author's party and unit; the content is validated once the author may write. */
	@Transactional
	public long create(Supplier<ArticleContent> written) {
		Actor author = access.requireManager();
		ArticleContent content = written.get();
		references.check(content);
		long id = articles.insert(KnowledgeArticle.draft(author.partyId(), author.orgUnitId(), author.userId(),
				content));
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_CREATED", "knowledge_article", id).after(content.audited())
			.detail(content.title()));
		return id;
	}

	/** A revision of the working copy; readers keep the published version until the revision is approved. */
	@Transactional
	public void revise(long id, Supplier<ArticleContent> written) {
		KnowledgeArticle article = load(id);
		ArticleContent content = written.get();
		references.check(content);
		Map<String, Object> before = article.content().audited();
		article.revise(content);
		articles.update(article);
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_REVISED", "knowledge_article", id).before(before)
			.after(content.audited()).detail(content.title()));
	}

	/** Retires a published article: from now on no reader finds it. */
	@Transactional
	public void retire(long id) {
		KnowledgeArticle article = load(id);
		ArticleStatus before = article.status();
		article.retire();
		articles.update(article);
		changes.record(id);
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_RETIRED", "knowledge_article", id)
			.before(Map.of("status", before.name())).after(Map.of("status", article.status().name()))
			.detail(article.content().title()));
		events.publishEvent(new ArticleRetired(id, Instant.now()));
	}

	private KnowledgeArticle load(long id) {
		access.requireManager();
		KnowledgeArticle article = articles.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("article"));
		access.requireManagerOf(article);
		return article;
	}
}
