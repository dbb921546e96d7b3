package org.yunwei.knowledge;

import java.time.Instant;

/**
 * A version of a knowledge article was approved and is now what readers see.
 *
 * @param articleId the article
 * @param versionId the version now published
 * @param number the version's number within the article, from 1
 * @param at when it was published
 */
public record ArticlePublished(long articleId, long versionId, int number, Instant at) {
}
