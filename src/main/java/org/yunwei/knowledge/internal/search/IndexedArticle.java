package org.yunwei.knowledge.internal.search;

import java.util.List;

/**
 * The published version of an article as the index holds it.
 *
 * @param body the text a reader reads (Markdown marks removed)
 */
record IndexedArticle(long id, long partyId, String title, String body, String category, List<String> tags,
		String visibility) {
}
