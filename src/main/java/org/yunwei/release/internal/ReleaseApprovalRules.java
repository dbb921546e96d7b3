package org.yunwei.release.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
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
 * Keeps the release approval rules (发布审批流程的选择): which approval policy a release of a type goes to. Kept, as the
 * change approval rules are, by those who keep the approval policies (APPROVAL_POLICY_MANAGE, not supervision); read
 * also by management's and supervision's readers of releases. A rule names an active policy; a type without a live
 * rule goes to the installation's default policy. Every write is audited; an edit or retirement never touches a
 * release already submitted, whose policy stays the one chosen then (an edit of that release asks again under it).
 */
@Service
class ReleaseApprovalRules {

	static final List<String> TYPES = Arrays.stream(ReleaseType.values()).map(Enum::name).toList();

	private final ReleaseApprovalRuleRecords records;
	private final Approvals approvals;
	private final Actors actors;
	private final AuditTrail audit;

	ReleaseApprovalRules(ReleaseApprovalRuleRecords records, Approvals approvals, Actors actors, AuditTrail audit) {
		this.records = records;
		this.approvals = approvals;
		this.actors = actors;
		this.audit = audit;
	}

	/** What a keeper writes: the release type and the policy. */
	record Draft(String releaseType, Long policyId) {
	}

	@Transactional(readOnly = true)
	public List<ReleaseApprovalRule> all(boolean withRetired) {
		reader();
		Map<Long, String> names = policyNames();
		return records.all(withRetired).stream().map(r -> view(r, names)).toList();
	}

	@Transactional(readOnly = true)
	public ReleaseApprovalRule find(long id) {
		reader();
		return view(records.find(id).orElseThrow(() -> RejectedRequest.notFound("release-approval-rule")),
				policyNames());
	}

	/** The policy a release of the type is submitted under: its live rule's, else the installation's default. */
	long policyFor(ReleaseType type) {
		return records.policyFor(type).orElseGet(approvals::defaultPolicyId);
	}

	/** The policies a rule may name: the approval module's active ones. */
	List<ApprovalPolicyChoice> policies() {
		return approvals.policies();
	}

	@Transactional
	public ReleaseApprovalRule create(Draft draft) {
		keeper();
		Draft clean = check(draft, 0L);
		long id;
		try {
			id = records.insert(clean.releaseType(), clean.policyId());
		}
		catch (DuplicateKeyException concurrent) {
			throw FieldErrors.taken("releaseType", "release.rule.taken");
		}
		audit.record(AuditEntry.of("RELEASE_APPROVAL_RULE_CREATED", "release_approval_rule", id).after(facts(clean))
			.detail(clean.releaseType()));
		return find(id);
	}

	@Transactional
	public ReleaseApprovalRule edit(long id, Integer version, Draft draft) {
		keeper();
		ReleaseApprovalRuleRecords.Row before = live(id);
		Draft clean = check(draft, id);
		boolean updated;
		try {
			updated = records.update(id, version == null ? before.version() : version, clean.releaseType(),
					clean.policyId());
		}
		catch (DuplicateKeyException concurrent) {
			throw FieldErrors.taken("releaseType", "release.rule.taken");
		}
		if (!updated) {
			throw RejectedRequest.conflict("release-approval-rule-changed-meanwhile", "release.rule.changed-meanwhile");
		}
		audit.record(AuditEntry.of("RELEASE_APPROVAL_RULE_EDITED", "release_approval_rule", id)
			.before(facts(new Draft(before.releaseType(), before.policyId()))).after(facts(clean))
			.detail(clean.releaseType()));
		return find(id);
	}

	@Transactional
	public void retire(long id, Integer version) {
		keeper();
		ReleaseApprovalRuleRecords.Row before = live(id);
		if (!records.retire(id, version == null ? before.version() : version)) {
			throw RejectedRequest.conflict("release-approval-rule-changed-meanwhile", "release.rule.changed-meanwhile");
		}
		audit.record(AuditEntry.of("RELEASE_APPROVAL_RULE_RETIRED", "release_approval_rule", id)
			.before(facts(new Draft(before.releaseType(), before.policyId()))).detail(before.releaseType()));
	}

	/** Whether the signed-in person may create, edit and retire rules (for buttons on pages). */
	boolean mayKeep() {
		return actors.find().filter(ReleaseApprovalRules::keeps).isPresent();
	}

	/** Whether the signed-in person may read the rules (for the link on the release list). */
	boolean mayRead() {
		return actors.find().filter(ReleaseApprovalRules::reads).isPresent();
	}

	private ReleaseApprovalRuleRecords.Row live(long id) {
		ReleaseApprovalRuleRecords.Row row = records.find(id)
			.orElseThrow(() -> RejectedRequest.notFound("release-approval-rule"));
		if (row.retiredAt() != null) {
			throw RejectedRequest.conflict("release-approval-rule-retired", "release.rule.retired");
		}
		return row;
	}

	private Draft check(Draft draft, long exceptId) {
		FieldErrors errors = new FieldErrors();
		String type = draft == null ? null : FieldErrors.clean(draft.releaseType());
		Long policyId = draft == null ? null : draft.policyId();
		errors.required("releaseType", type).required("policyId", policyId);
		if (type != null && !TYPES.contains(type)) {
			errors.add("releaseType", "release.rule.type.unknown");
		}
		if (policyId != null && approvals.policies().stream().noneMatch(p -> p.id() == policyId)) {
			errors.add("policyId", "release.rule.policy.unknown");
		}
		errors.throwIfAny();
		if (records.taken(type, exceptId)) {
			throw FieldErrors.taken("releaseType", "release.rule.taken");
		}
		return new Draft(type, policyId);
	}

	private void reader() {
		if (!reads(actors.current())) {
			throw RejectedRequest.forbidden("release.rule.forbidden");
		}
	}

	private void keeper() {
		if (!keeps(actors.current())) {
			throw RejectedRequest.forbidden("release.rule.forbidden");
		}
	}

	/** Keepers, and management's and supervision's readers of releases. */
	static boolean reads(Actor actor) {
		return keeps(actor) || actor.can(Permission.RELEASE_READ)
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

	private static ReleaseApprovalRule view(ReleaseApprovalRuleRecords.Row r, Map<Long, String> names) {
		return new ReleaseApprovalRule(r.id(), r.releaseType(), r.policyId(), names.get(r.policyId()), r.version(),
				r.updatedAt(), r.retiredAt());
	}

	private static Map<String, Object> facts(Draft d) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("releaseType", d.releaseType());
		facts.put("policyId", d.policyId());
		return facts;
	}
}
