package org.yunwei.change.internal;

import java.util.List;

/**
 * The risk and impact assessment (变更评估报告) as computed when the change's items were last set: what their
 * downstream impact reaches, which of them are critical, how their earlier changes went, and the score and level
 * {@link ChangeRiskMatrix} gives.
 *
 * @param reached items reached downstream within three hops, over all affected items, those outside the assessor's
 *        scope included
 * @param hidden how many of them the assessor may not see
 * @param applicationSystems names of the application systems reached
 * @param services names of the business services reached
 * @param customerUnits how many customer units are reached
 * @param criticalItems names of the affected items that are critical (等保 level 3 or above, or an application system
 *        or business service itself)
 * @param failedChanges earlier changes on the same items in the last year that failed (rolled back or remedied)
 */
public record RiskAssessment(int reached, int hidden, List<String> applicationSystems, List<String> services,
		int customerUnits, List<String> criticalItems, int failedChanges, int score, RiskLevel computed) {

	public RiskAssessment {
		applicationSystems = List.copyOf(applicationSystems);
		services = List.copyOf(services);
		criticalItems = List.copyOf(criticalItems);
	}

	static RiskAssessment none(ChangeCategory category) {
		return ChangeRiskMatrix.assess(category, List.of(), 0);
	}
}
