package org.yunwei.knowledge;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.knowledge.internal.ArticleAuthoring;
import org.yunwei.knowledge.internal.ArticleContent;
import org.yunwei.knowledge.internal.ArticlePublication;
import org.yunwei.knowledge.internal.search.ArticleSearch;

/**
 * What other modules may ask of the knowledge base: the published articles a reader may see that match a text (a
 * ticket's subject while it is written, a global search), best first, title matches before body matches.
 */
@Service
public class KnowledgeArticles {

	private final ArticleSearch search;
	private final ArticleAuthoring authoring;
	private final ArticlePublication publication;

	KnowledgeArticles(ArticleSearch search, ArticleAuthoring authoring, ArticlePublication publication) {
		this.search = search;
		this.authoring = authoring;
		this.publication = publication;
	}

	/**
	 * The published articles matching the text that this reader may see: a customer only those published for
	 * customers, staff the internal ones too; at most {@code limit}, best first. Empty for a blank text.
	 */
	public List<KnowledgeHit> search(String text, int limit, Actor reader) {
		return search.search(text, limit, reader);
	}

	/**
	 * Proposes an internal article written by another module (a closed problem's root cause and solution, 问题纳入知识库
	 * 机制): a draft of the signed-in author's party, made and submitted for 入库审批 exactly as an author's own, so it
	 * is published only once approved. All or nothing, in the caller's transaction.
	 *
	 * @param body Markdown
	 * @return the new article's id
	 * @throws org.yunwei.web.RejectedRequest 403 when the signed-in person may not write articles; 422 when the
	 *         content is refused or the approval has nobody to decide
	 */
	@Transactional
	public long propose(String title, String body, String category, List<String> tags, List<Long> serviceIds) {
		long id = authoring.create(() -> ArticleContent.of(title, body, category, tags, serviceIds, "INTERNAL", null));
		publication.submit(id);
		return id;
	}
}
