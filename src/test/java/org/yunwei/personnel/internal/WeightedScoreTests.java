package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeightedScoreTests {

	private static WeightedScore.Part part(String weight, String score) {
		return new WeightedScore.Part(new BigDecimal(weight), new BigDecimal(score));
	}

	@Test
	void theTotalIsTheWeightedSumToOneDecimalHalfUp() {
		assertThat(WeightedScore.total(List.of(part("30", "80"), part("50", "50"), part("20", "90"))))
			.isEqualByComparingTo("67.0");
		// 12.5 × 77 / 100 = 9.625; 87.5 × 100 / 100 = 87.5; 97.125 → 97.1
		assertThat(WeightedScore.total(List.of(part("12.5", "77"), part("87.5", "100")))).isEqualByComparingTo("97.1");
		assertThat(WeightedScore.total(List.of(part("50", "99.9"), part("50", "100")))).isEqualByComparingTo("100.0");
	}

	@Test
	void weightsMustAddUpToAHundred() {
		assertThat(WeightedScore.complete(List.of(new BigDecimal("33.3"), new BigDecimal("33.3"),
				new BigDecimal("33.4")))).isTrue();
		assertThat(WeightedScore.complete(List.of(new BigDecimal("50"), new BigDecimal("40")))).isFalse();
	}

	@Test
	void anExamScorePassesFromThePassScoreAndFitsTheScale() {
		assertThat(ExamScoring.passed(new BigDecimal("60"), new BigDecimal("60"))).isTrue();
		assertThat(ExamScoring.passed(new BigDecimal("59.5"), new BigDecimal("60"))).isFalse();
		assertThat(ExamScoring.passed(new BigDecimal("10"), null)).isTrue();
		assertThat(ExamScoring.passed(null, new BigDecimal("60"))).isNull();
		assertThat(ExamScoring.valid(new BigDecimal("100.0"), new BigDecimal("100"))).isTrue();
		assertThat(ExamScoring.valid(new BigDecimal("100.5"), new BigDecimal("100"))).isFalse();
		assertThat(ExamScoring.valid(new BigDecimal("-1"), new BigDecimal("100"))).isFalse();
		assertThat(ExamScoring.valid(new BigDecimal("88.25"), new BigDecimal("100"))).isFalse();
	}
}
