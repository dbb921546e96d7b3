package org.yunwei.knowledge;

/**
 * A published article found for a reader.
 *
 * @param articleId the article
 * @param title its published title
 * @param snippet an HTML excerpt of its body with the terms found in {@code <mark>}; everything else escaped
 * @param category its category
 * @param visibility {@code INTERNAL} or {@code CUSTOMER}
 * @param score the search's relevance, higher first
 */
public record KnowledgeHit(long articleId, String title, String snippet, String category, String visibility,
		float score) {
}
