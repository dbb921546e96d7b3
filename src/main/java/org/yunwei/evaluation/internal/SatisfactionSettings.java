package org.yunwei.evaluation.internal;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of satisfaction and return visits, beside the other service desk settings ({@code yunwei.tickets.*},
 * where they were before this module had its own, so that existing configurations keep working).
 *
 * @param zone the service desk's zone: the days of figures and reports (the same setting the ticket module reads)
 * @param lowRatingThreshold a rating at or below it opens a follow-up for the service desk; 0 opens none
 * @param returnVisitSamplePercent the share of resolved tickets the return-visit worklist asks to call, 0 to 100;
 *        tickets rated at or below the threshold and major incidents are always on it
 */
@ConfigurationProperties("yunwei.tickets")
public record SatisfactionSettings(ZoneId zone, Integer lowRatingThreshold, Integer returnVisitSamplePercent) {

	public SatisfactionSettings {
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
		lowRatingThreshold = lowRatingThreshold == null ? 2 : lowRatingThreshold;
		returnVisitSamplePercent = returnVisitSamplePercent == null ? 100 : returnVisitSamplePercent;
		if (lowRatingThreshold < 0 || lowRatingThreshold > 4) {
			throw new IllegalArgumentException(
					"yunwei.tickets.low-rating-threshold must be 0 to 4, not " + lowRatingThreshold);
		}
		if (returnVisitSamplePercent < 0 || returnVisitSamplePercent > 100) {
			throw new IllegalArgumentException(
					"yunwei.tickets.return-visit-sample-percent must be 0 to 100, not " + returnVisitSamplePercent);
		}
	}

	public boolean isLow(int score) {
		return score <= lowRatingThreshold;
	}
}
