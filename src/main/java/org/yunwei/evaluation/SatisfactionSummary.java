package org.yunwei.evaluation;

/**
 * The customers' ratings given in a period, as the return-visit report counts them.
 *
 * @param ratings how many ratings were given
 * @param average the mean score, 1 to 5; {@code null} when nobody rated
 * @param satisfiedShare the share of ratings of 4 or 5 (满意率), 0 to 1; {@code null} when nobody rated
 */
public record SatisfactionSummary(long ratings, Double average, Double satisfiedShare) {
}
