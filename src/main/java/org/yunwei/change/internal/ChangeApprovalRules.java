package org.yunwei.change.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunwei.approval.Approvals;
import org.yunwei.approval.PolicyRuleBook;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;
import org.yunwei.web.FieldErrors;

/**
 * The change approval rules (变更审批流程的选择): which approval policy a change of a category and risk level goes to,
 * kept in {@code change_approval_rule} as the approval module's rule book keeps every module's rules; read also by
 * management's and supervision's readers of changes. A standard change needs no rule (it follows its pre-approved
 * template); {@code ANY} is the rule of a category's levels without one of their own, and the category
 * {@code FREEZE_OVERRIDE} with {@code ANY} names the policy of the extra approval an emergency change in a freeze
 * window needs. Which rule a submitted change goes by is {@link ChangeRecords}' choice.
 */
@Service
class ChangeApprovalRules extends PolicyRuleBook {

	static final String ANY = "ANY";
	static final String FREEZE_OVERRIDE = "FREEZE_OVERRIDE";
	static final List<String> CATEGORIES = List.of(ChangeCategory.NORMAL.name(), ChangeCategory.EMERGENCY.name(),
			FREEZE_OVERRIDE);
	static final List<String> LEVELS = List.of(ANY, RiskLevel.LOW.name(), RiskLevel.MEDIUM.name(),
			RiskLevel.HIGH.name(), RiskLevel.CRITICAL.name());

	private static final Terms TERMS = new Terms("change_approval_rule", "change.rule", Permission.CHANGE_READ,
			List.of(new KeyPart("category", "category", "change.rule.category", CATEGORIES,
					"change.rule.category.unknown"),
					new KeyPart("riskLevel", "risk_level", "change.rule.level", LEVELS, "change.rule.level.unknown")));

	ChangeApprovalRules(JdbcClient jdbc, Approvals approvals, Actors actors, AuditTrail audit) {
		super(TERMS, jdbc, approvals, actors, audit);
	}

	/** Keepers, and management's and supervision's readers of changes. */
	static boolean reads(Actor actor) {
		return reads(actor, TERMS.readers());
	}

	/** A standard change is not ruled here; the freeze override is asked at any level only. */
	@Override
	protected void refuse(List<String> key, FieldErrors errors) {
		String category = key.get(0);
		String level = key.get(1);
		if (ChangeCategory.STANDARD.name().equals(category)) {
			errors.add("category", "change.rule.standard");
		}
		if (FREEZE_OVERRIDE.equals(category) && LEVELS.contains(level) && !ANY.equals(level)) {
			errors.add("riskLevel", "change.rule.override-any");
		}
	}
}
