package org.yunwei.personnel.internal;

import java.math.BigDecimal;

/**
 * How an exam is scored: a score lies between 0 and the exam's highest score, with at most one decimal;
 * it passes when it reaches the pass score (an exam without a pass score is passed by taking it).
 */
final class ExamScoring {

	private ExamScoring() {
	}

	/** Whether a score is one this exam can give. */
	static boolean valid(BigDecimal score, BigDecimal maxScore) {
		return score != null && score.signum() >= 0 && score.compareTo(maxScore) <= 0 && score.stripTrailingZeros().scale() <= 1;
	}

	/** Whether a score passes; {@code null} while there is no score. */
	static Boolean passed(BigDecimal score, BigDecimal passScore) {
		if (score == null) {
			return null;
		}
		return passScore == null || score.compareTo(passScore) >= 0;
	}
}
