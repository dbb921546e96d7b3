package org.yunwei.change.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.yunwei.cmdb.ConfigurationItemImpact;

/**
 * How a change's risk level follows from its impact, its items' criticality and their history. Points add up:
 * <ul>
 * <li>impact — items reached downstream: 1–5 one point, 6–20 two, more three; application systems or services
 * reached: one point, two from five; two or more customer units reached: one point;</li>
 * <li>criticality — an affected item of 等保 level 3 or above: two points, level 2: one; an affected application
 * system or business service itself: one point;</li>
 * <li>history — failed changes on the same items in the last year: one point, two from two;</li>
 * <li>an emergency change: one point (less time to prepare and test).</li>
 * </ul>
 * 0–1 points is low, 2–3 medium, 4–5 high, 6 or more critical. The assessor may set another level with a
 * justification; the computed level stays on record beside it.
 */
final class ChangeRiskMatrix {

	private ChangeRiskMatrix() {
	}

	static RiskAssessment assess(ChangeCategory category, List<Assessed> items, int failedChanges) {
		int reached = 0;
		int hidden = 0;
		Set<String> applications = new LinkedHashSet<>();
		Set<String> services = new LinkedHashSet<>();
		Set<Long> units = new LinkedHashSet<>();
		List<String> critical = new ArrayList<>();
		int criticality = 0;
		for (Assessed item : items) {
			ConfigurationItemImpact impact = item.impact();
			reached += impact.reached();
			hidden += impact.hidden();
			applications.addAll(impact.applicationSystems());
			services.addAll(impact.services());
			units.addAll(impact.customerUnitIds());
			int level = securityLevel(impact.securityLevel());
			int points = level >= 3 ? 2 : level == 2 ? 1 : 0;
			if (impact.serviceLevelItem()) {
				points = Math.max(points, 1);
			}
			if (level >= 3 || impact.serviceLevelItem()) {
				critical.add(item.name());
			}
			criticality = Math.max(criticality, points);
		}
		int score = (reached == 0 ? 0 : reached <= 5 ? 1 : reached <= 20 ? 2 : 3);
		int serving = applications.size() + services.size();
		score += serving == 0 ? 0 : serving < 5 ? 1 : 2;
		score += units.size() >= 2 ? 1 : 0;
		score += criticality;
		score += failedChanges == 0 ? 0 : failedChanges == 1 ? 1 : 2;
		score += category == ChangeCategory.EMERGENCY ? 1 : 0;
		return new RiskAssessment(reached, hidden, List.copyOf(applications), List.copyOf(services), units.size(),
				critical, failedChanges, score, level(score));
	}

	static RiskLevel level(int score) {
		return score <= 1 ? RiskLevel.LOW : score <= 3 ? RiskLevel.MEDIUM : score <= 5 ? RiskLevel.HIGH
				: RiskLevel.CRITICAL;
	}

	private static int securityLevel(String code) {
		if (code == null || code.length() != 2 || code.charAt(0) != 'L' || !Character.isDigit(code.charAt(1))) {
			return 0;
		}
		return code.charAt(1) - '0';
	}

	/** One affected item with its impact. */
	record Assessed(String name, ConfigurationItemImpact impact) {
	}
}
