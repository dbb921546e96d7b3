package org.yunwei.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.knowledge.internal.ArticleRecords.Row;
import org.yunwei.knowledge.internal.ArticleVersionRecords.ArticleVersion;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Reading articles. Authors (KNOWLEDGE_MANAGE, the article's party) see the working copy, its versions and their
 * diff; every other reader sees only the published version, if they may read it (see {@link ArticleAccess}), and
 * anything else is 404 to them.
 */
@Service
public class ArticleReading {

	static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private final ArticleRecords articles;
	private final ArticleVersionRecords versions;
	private final ArticleAccess access;
	private final Actors actors;

	ArticleReading(ArticleRecords articles, ArticleVersionRecords versions, ArticleAccess access, Actors actors) {
		this.articles = articles;
		this.versions = versions;
		this.access = access;
		this.actors = actors;
	}

	/**
	 * An article as a reader sees it; {@code workingCopy} tells whether it is the authors' working copy, and
	 * {@code audited} whether it is that copy shown read-only to supervision, which audits what it reads.
	 */
	public record ArticleView(long id, String status, String title, String body, String bodyHtml, String category,
			List<String> tags, List<Long> serviceIds, String visibility, LocalDate reviewDate, long ownerId,
			Long publishedVersionId, Long pendingVersionId, String returnReason, Instant updatedAt,
			boolean workingCopy, List<Long> configurationItemIds, boolean audited) {
	}

	/** A line of the list. */
	public record ArticleLine(long id, String title, String category, String status, String visibility,
			Instant updatedAt, LocalDate reviewDate) {
	}

	/** The authors' list: the articles of their party, newest change first, in keyset pages. */
	@Transactional(readOnly = true)
	public KeysetPage<ArticleLine> list(String status, String cursor, Integer limit) {
		Actor author = access.requireManager();
		FieldErrors errors = new FieldErrors();
		ArticleStatus wanted = status == null || status.isBlank() ? null
				: errors.constant(ArticleStatus.class, status, "status");
		int size = KeysetPage.limit(limit, errors, "knowledge.limit.invalid");
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2).orElse(null);
		if (cursor != null && after == null) {
			errors.add("cursor", "knowledge.cursor.invalid");
		}
		errors.throwIfAny();
		Instant beforeTime = after == null ? null : Instant.parse(after[0]);
		Long beforeId = after == null ? null : Long.valueOf(after[1]);
		List<ArticleLine> rows = articles.page(author.partyId(), wanted, beforeTime, beforeId, size + 1).stream()
			.map(ArticleReading::line).toList();
		return KeysetPage.of(rows, size, l -> KeysetCursor.encode(l.updatedAt().toString(), l.id()));
	}

	@Transactional(readOnly = true)
	public ArticleView view(long id) {
		Actor reader = actors.current();
		Row row = articles.find(id).orElseThrow(() -> RejectedRequest.notFound("article"));
		KnowledgeArticle article = row.article();
		if (authors(reader, article)) {
			ArticleContent c = article.content();
			return new ArticleView(id, article.status().name(), c.title(), c.body(), MarkdownBody.html(c.body()),
					c.category(), c.tags(), c.serviceIds(), c.visibility().name(), c.reviewDate(), article.ownerId(),
					article.publishedVersionId(), article.pendingVersionId(), article.returnReason(), row.updatedAt(),
					true, c.itemIds(), false);
		}
		if (access.audits(reader, article)) {
			// supervision reads what it audits (an article in review linked from a problem, say) and changes nothing
			ArticleContent c = article.content();
			return new ArticleView(id, article.status().name(), c.title(), c.body(), MarkdownBody.html(c.body()),
					c.category(), c.tags(), c.serviceIds(), c.visibility().name(), c.reviewDate(), article.ownerId(),
					article.publishedVersionId(), article.pendingVersionId(), article.returnReason(), row.updatedAt(),
					false, c.itemIds(), true);
		}
		ArticleVersion published = article.publishedVersionId() == null ? null
				: versions.find(article.publishedVersionId()).orElseThrow();
		if (published == null
				|| !access.readsPublished(reader, article, Visibility.valueOf(published.visibility()))) {
			throw RejectedRequest.notFound("article");
		}
		return new ArticleView(id, ArticleStatus.PUBLISHED.name(), published.title(), published.body(),
				MarkdownBody.html(published.body()), published.category(), published.tags(), List.of(),
				published.visibility(), null, article.ownerId(), published.id(), null, null, published.decidedAt(),
				false, List.of(), false);
	}

	/** Today where the articles' readers are: what "past its review date" is measured against. */
	public LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** The versions of an article, newest first; its authors' and, read-only, supervision's. */
	@Transactional(readOnly = true)
	public List<ArticleVersion> versions(long id) {
		requireAuthor(id);
		return versions.of(id);
	}

	/** The line diff of the bodies of two versions of an article (title changes lead as a line of their own). */
	@Transactional(readOnly = true)
	public List<LineDiff.Line> diff(long id, Long fromVersionId, Long toVersionId) {
		requireAuthor(id);
		FieldErrors errors = new FieldErrors();
		errors.required("from", fromVersionId);
		errors.required("to", toVersionId);
		errors.throwIfAny();
		ArticleVersion from = versions.find(fromVersionId).filter(v -> v.articleId() == id)
			.orElseThrow(() -> RejectedRequest.notFound("knowledge-version"));
		ArticleVersion to = versions.find(toVersionId).filter(v -> v.articleId() == id)
			.orElseThrow(() -> RejectedRequest.notFound("knowledge-version"));
		return LineDiff.between("# " + from.title() + "\n" + from.body(), "# " + to.title() + "\n" + to.body());
	}

	private void requireAuthor(long id) {
		Actor reader = actors.current();
		if (!access.auditor(reader)) {
			access.requireManager();
		}
		KnowledgeArticle article = articles.find(id).map(Row::article)
			.orElseThrow(() -> RejectedRequest.notFound("article"));
		if (!authors(reader, article) && !access.audits(reader, article)) {
			throw RejectedRequest.notFound("article");
		}
	}

	private boolean authors(Actor reader, KnowledgeArticle article) {
		return reader.can(org.yunwei.identity.Permission.KNOWLEDGE_MANAGE) && access.seesWorkingCopy(reader, article);
	}

	private static ArticleLine line(Row row) {
		KnowledgeArticle a = row.article();
		return new ArticleLine(a.id(), a.content().title(), a.content().category(), a.status().name(),
				a.content().visibility().name(), row.updatedAt(), a.content().reviewDate());
	}
}
