package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.change.internal.ChangeRiskMatrix.Assessed;
import org.yunwei.cmdb.ConfigurationItemImpact;

/** How impact, criticality, history and category add up to a risk level. */
class ChangeRiskMatrixTests {

	@Test
	void anIsolatedItemWithoutHistoryIsLowRisk() {
		RiskAssessment risk = ChangeRiskMatrix.assess(ChangeCategory.NORMAL,
				List.of(new Assessed("打印机", impact(0, List.of(), List.of(), List.of(1L), null, false))), 0);
		assertThat(risk.score()).isZero();
		assertThat(risk.computed()).isEqualTo(RiskLevel.LOW);
	}

	@Test
	void wideImpactOnACriticalSystemWithFailuresBeforeIsCritical() {
		ConfigurationItemImpact core = impact(30, List.of("办事大厅", "不动产登记"), List.of("政务服务"),
				List.of(1L, 2L), "L3", true);
		RiskAssessment risk = ChangeRiskMatrix.assess(ChangeCategory.EMERGENCY, List.of(new Assessed("办事大厅", core)),
				2);
		// 3 (30 reached) + 1 (3 systems and services) + 1 (two units) + 2 (L3) + 2 (two failures) + 1 (emergency)
		assertThat(risk.score()).isEqualTo(10);
		assertThat(risk.computed()).isEqualTo(RiskLevel.CRITICAL);
		assertThat(risk.criticalItems()).containsExactly("办事大厅");
	}

	@Test
	void theLevelsFollowTheScore() {
		assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(ChangeRiskMatrix::level).toList()).containsExactly(
				RiskLevel.LOW, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.HIGH,
				RiskLevel.CRITICAL);
	}

	private static ConfigurationItemImpact impact(int reached, List<String> apps, List<String> services,
			List<Long> units, String level, boolean serviceLevel) {
		return new ConfigurationItemImpact(1, reached, 0, apps, services, units, level, serviceLevel);
	}
}
