package org.yunwei.change.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalPolicyChoice;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the change approval rules (变更审批流程的选择): which approval policy a change of a category and risk level goes
 * to. They are kept by those who keep the approval policies themselves (APPROVAL_POLICY_MANAGE); management's and
 * supervision's readers of changes read them. A rule only names an active policy; a standard change needs no rule
 * (it follows its pre-approved template). Every write is audited; an edit or retirement never touches a change
 * already submitted, whose policy stays the one chosen then.
 */
@Service
class ChangeApprovalRules {

	static final String ANY = "ANY";
	static final String FREEZE_OVERRIDE = "FREEZE_OVERRIDE";
	static final List<String> CATEGORIES = List.of(ChangeCategory.NORMAL.name(), ChangeCategory.EMERGENCY.name(),
			FREEZE_OVERRIDE);
	static final List<String> LEVELS = List.of(ANY, RiskLevel.LOW.name(), RiskLevel.MEDIUM.name(),
			RiskLevel.HIGH.name(), RiskLevel.CRITICAL.name());

	private final ChangeApprovalRuleRecords records;
	private final Approvals approvals;
	private final Actors actors;
	private final AuditTrail audit;

	ChangeApprovalRules(ChangeApprovalRuleRecords records, Approvals approvals, Actors actors, AuditTrail audit) {
		this.records = records;
		this.approvals = approvals;
		this.actors = actors;
		this.audit = audit;
	}

	/** What a keeper writes: the category, the risk level (or ANY) and the policy. */
	record Draft(String category, String riskLevel, Long policyId) {
	}

	@Transactional(readOnly = true)
	public List<ChangeApprovalRule> all(boolean withRetired) {
		reader();
		Map<Long, String> names = policyNames();
		return records.all(withRetired).stream().map(r -> view(r, names)).toList();
	}

	@Transactional(readOnly = true)
	public ChangeApprovalRule find(long id) {
		reader();
		return view(records.find(id).orElseThrow(() -> RejectedRequest.notFound("change-approval-rule")),
				policyNames());
	}

	/** The policies a rule may name: the approval module's active ones. */
	List<ApprovalPolicyChoice> policies() {
		return approvals.policies();
	}

	@Transactional
	public ChangeApprovalRule create(Draft draft) {
		keeper();
		Draft clean = check(draft, 0L);
		long id = records.insert(clean.category(), clean.riskLevel(), clean.policyId());
		audit.record(AuditEntry.of("CHANGE_APPROVAL_RULE_CREATED", "change_approval_rule", id).after(facts(clean))
			.detail(clean.category() + "/" + clean.riskLevel()));
		return find(id);
	}

	@Transactional
	public ChangeApprovalRule edit(long id, Integer version, Draft draft) {
		keeper();
		ChangeApprovalRuleRecords.Row before = live(id);
		Draft clean = check(draft, id);
		if (!records.update(id, version == null ? before.version() : version, clean.category(), clean.riskLevel(),
				clean.policyId())) {
			throw RejectedRequest.conflict("change-approval-rule-changed-meanwhile", "change.rule.changed-meanwhile");
		}
		audit.record(AuditEntry.of("CHANGE_APPROVAL_RULE_EDITED", "change_approval_rule", id)
			.before(facts(new Draft(before.category(), before.riskLevel(), before.policyId()))).after(facts(clean))
			.detail(clean.category() + "/" + clean.riskLevel()));
		return find(id);
	}

	@Transactional
	public void retire(long id, Integer version) {
		keeper();
		ChangeApprovalRuleRecords.Row before = live(id);
		if (!records.retire(id, version == null ? before.version() : version)) {
			throw RejectedRequest.conflict("change-approval-rule-changed-meanwhile", "change.rule.changed-meanwhile");
		}
		audit.record(AuditEntry.of("CHANGE_APPROVAL_RULE_RETIRED", "change_approval_rule", id)
			.before(facts(new Draft(before.category(), before.riskLevel(), before.policyId())))
			.detail(before.category() + "/" + before.riskLevel()));
	}

	/** Whether the signed-in person may create, edit and retire rules (for buttons on pages). */
	boolean mayKeep() {
		return actors.find().filter(ChangeApprovalRules::keeps).isPresent();
	}

	private ChangeApprovalRuleRecords.Row live(long id) {
		ChangeApprovalRuleRecords.Row row = records.find(id)
			.orElseThrow(() -> RejectedRequest.notFound("change-approval-rule"));
		if (row.retiredAt() != null) {
			throw RejectedRequest.conflict("change-approval-rule-retired", "change.rule.retired");
		}
		return row;
	}

	private Draft check(Draft draft, long exceptId) {
		FieldErrors errors = new FieldErrors();
		String category = draft == null ? null : FieldErrors.clean(draft.category());
		String level = draft == null ? null : FieldErrors.clean(draft.riskLevel());
		Long policyId = draft == null ? null : draft.policyId();
		errors.required("category", category).required("riskLevel", level).required("policyId", policyId);
		if (category != null && !CATEGORIES.contains(category)) {
			errors.add("category", ChangeCategory.STANDARD.name().equals(category) ? "change.rule.standard"
					: "change.rule.category.unknown");
		}
		if (level != null && !LEVELS.contains(level)) {
			errors.add("riskLevel", "change.rule.level.unknown");
		}
		else if (FREEZE_OVERRIDE.equals(category) && level != null && !ANY.equals(level)) {
			errors.add("riskLevel", "change.rule.override-any");
		}
		if (policyId != null && approvals.policies().stream().noneMatch(p -> p.id() == policyId)) {
			errors.add("policyId", "change.rule.policy.unknown");
		}
		errors.throwIfAny();
		if (records.taken(category, level, exceptId)) {
			throw FieldErrors.taken("riskLevel", "change.rule.taken");
		}
		return new Draft(category, level, policyId);
	}

	private void reader() {
		if (!reads(actors.current())) {
			throw RejectedRequest.forbidden("change.rule.forbidden");
		}
	}

	private void keeper() {
		if (!keeps(actors.current())) {
			throw RejectedRequest.forbidden("change.rule.forbidden");
		}
	}

	/** Keepers, and management's and supervision's readers of changes. */
	static boolean reads(Actor actor) {
		return keeps(actor) || actor.can(Permission.CHANGE_READ)
				&& Set.of(PartyKind.MANAGEMENT, PartyKind.SUPERVISION).contains(actor.partyKind());
	}

	private static boolean keeps(Actor actor) {
		return actor.can(Permission.APPROVAL_POLICY_MANAGE) && actor.partyKind() != PartyKind.SUPERVISION;
	}

	private Map<Long, String> policyNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		approvals.policies().forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	private static ChangeApprovalRule view(ChangeApprovalRuleRecords.Row r, Map<Long, String> names) {
		return new ChangeApprovalRule(r.id(), r.category(), r.riskLevel(), r.policyId(), names.get(r.policyId()),
				r.version(), r.updatedAt(), r.retiredAt());
	}

	private static Map<String, Object> facts(Draft d) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("category", d.category());
		facts.put("riskLevel", d.riskLevel());
		facts.put("policyId", d.policyId());
		return facts;
	}
}
