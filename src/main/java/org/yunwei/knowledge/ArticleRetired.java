package org.yunwei.knowledge;

import java.time.Instant;

/**
 * A knowledge article was retired: no reader finds it any more.
 *
 * @param articleId the article
 * @param at when it was retired
 */
public record ArticleRetired(long articleId, Instant at) {
}
