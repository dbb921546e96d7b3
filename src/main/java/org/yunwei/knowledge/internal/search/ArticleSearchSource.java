package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.search.IncompleteKind;
import org.yunwei.search.SearchHit;
import org.yunwei.search.SearchQuery;
import org.yunwei.search.SearchSource;

/**
 * Knowledge articles in global search: the same search, filter and database check as the knowledge search itself.
 * A customer's hit opens the article in the portal view, staff's in the workspace: both at {@code /knowledge/{id}}.
 */
@Component
@Order(10)
class ArticleSearchSource implements SearchSource {

	static final String KIND = "article";

	private final ArticleSearch search;

	ArticleSearchSource(ArticleSearch search) {
		this.search = search;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<SearchHit> search(SearchQuery query, Actor reader) {
		return search.search(query.text(), query.limit(), reader).stream()
			.map(hit -> new SearchHit(KIND, "KB-" + hit.articleId(), hit.title(),
					plain(hit.snippet()), null, null, "/knowledge/" + hit.articleId()))
			.toList();
	}

	/** While the index is being built its hits may be incomplete: global search says so. */
	@Override
	public Optional<IncompleteKind> incomplete() {
		return search.building().map(building -> new IncompleteKind(KIND, building.done(), building.total()));
	}

	/** The snippet as text: the results page escapes what it shows. */
	static String plain(String html) {
		return html.replaceAll("</?mark>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&");
	}
}
