package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The total of an appraisal: each item's score (0–100) times its weight in percent, summed, to one decimal, half up.
 * The weights of a sheet add up to 100, so the total lies between 0 and 100 as the scores do.
 */
final class WeightedScore {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private WeightedScore() {
	}

	/** One item's weight and score. */
	record Part(BigDecimal weight, BigDecimal score) {
	}

	static BigDecimal total(List<Part> parts) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Part part : parts) {
			sum = sum.add(part.weight().multiply(part.score()));
		}
		return sum.divide(HUNDRED, 1, RoundingMode.HALF_UP);
	}

	/** Whether the weights add up to exactly 100. */
	static boolean complete(List<BigDecimal> weights) {
		return weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) == 0;
	}
}
