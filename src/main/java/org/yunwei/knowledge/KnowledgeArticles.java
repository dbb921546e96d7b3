package org.yunwei.knowledge;

import java.util.List;

import org.springframework.stereotype.Service;
import org.yunwei.identity.Actor;
import org.yunwei.knowledge.internal.search.ArticleSearch;

/**
 * What other modules may ask of the knowledge base: the published articles a reader may see that match a text (a
 * ticket's subject while it is written, a global search), best first, title matches before body matches.
 */
@Service
public class KnowledgeArticles {

	private final ArticleSearch search;

	KnowledgeArticles(ArticleSearch search) {
		this.search = search;
	}

	/**
	 * The published articles matching the text that this reader may see: a customer only those published for
	 * customers, staff the internal ones too; at most {@code limit}, best first. Empty for a blank text.
	 */
	public List<KnowledgeHit> search(String text, int limit, Actor reader) {
		return search.search(text, limit, reader);
	}
}
