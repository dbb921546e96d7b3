package org.yunwei.approval.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Positions;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the approval policies (APPROVAL_POLICY_MANAGE): creates, revises (a change of stages is a new version;
 * requests already open keep theirs), retires and deletes an unused one. A policy is checked whole before anything
 * is written: a name, at least one stage, each stage named with at least one approver line that exists, N-of counts,
 * time limits, and conditions that parse (a condition that does not is refused with 422 naming its position).
 */
@Service
public class PolicyAdministration {

	static final int MAX_NAME = 100;
	static final int MAX_DESCRIPTION = 2000;
	static final int MAX_STAGES = 20;
	static final int MAX_APPROVERS = 20;
	/** Thirty working days of eight hours. */
	static final int MAX_TIME_LIMIT_MINUTES = 30 * 8 * 60;

	private final ApprovalPolicies policies;
	private final People people;
	private final Positions positions;
	private final Organisations organisations;
	private final Actors actors;
	private final AuditTrail audit;

	PolicyAdministration(ApprovalPolicies policies, People people, Positions positions, Organisations organisations,
			Actors actors, AuditTrail audit) {
		this.policies = policies;
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
		this.actors = actors;
		this.audit = audit;
	}

	@Transactional
	public long create(PolicyDraft draft) {
		Actor actor = keeper();
		PolicyDraft checked = check(draft, null);
		long id = policies.create(checked, actor.userId());
		audit.record(AuditEntry.of("APPROVAL_POLICY_CREATE", "approval_policy", id).after(describe(checked)));
		return id;
	}

	@Transactional
	public void revise(long id, PolicyDraft draft) {
		Actor actor = keeper();
		ApprovalPolicy policy = policies.find(id).orElseThrow(() -> RejectedRequest.notFound("approval-policy"));
		PolicyDraft checked = check(draft, id);
		Map<String, Object> before = describe(toDraft(policy));
		boolean newVersion = policies.revise(id, checked, actor.userId());
		audit.record(AuditEntry.of("APPROVAL_POLICY_UPDATE", "approval_policy", id)
			.before(before)
			.after(describe(checked))
			.detail(newVersion ? "new version" : "same version"));
	}

	@Transactional
	public void retire(long id, boolean retired) {
		keeper();
		ApprovalPolicy policy = policies.find(id).orElseThrow(() -> RejectedRequest.notFound("approval-policy"));
		if (policy.builtIn() && retired) {
			throw RejectedRequest.unprocessable("built-in-policy", "approval.policy.built-in");
		}
		policies.retire(id, retired);
		audit.record(AuditEntry.of(retired ? "APPROVAL_POLICY_RETIRE" : "APPROVAL_POLICY_REINSTATE",
				"approval_policy", id));
	}

	/** Deletes a policy no request ever used; one in use is retired instead, so that its record stays. */
	@Transactional
	public void delete(long id) {
		keeper();
		ApprovalPolicy policy = policies.find(id).orElseThrow(() -> RejectedRequest.notFound("approval-policy"));
		if (policy.builtIn()) {
			throw RejectedRequest.unprocessable("built-in-policy", "approval.policy.built-in");
		}
		if (policies.used(id)) {
			throw RejectedRequest.conflict("policy-in-use", "approval.policy.in-use");
		}
		Map<String, Object> before = describe(toDraft(policy));
		policies.delete(id);
		audit.record(AuditEntry.of("APPROVAL_POLICY_DELETE", "approval_policy", id).before(before));
	}

	public PolicyDraft toDraft(ApprovalPolicy policy) {
		PolicyVersion version = policies.current(policy.id());
		return new PolicyDraft(policy.name(), policy.description(), version.requesterMayApprove(), version.stages());
	}

	private Actor keeper() {
		Actor actor = actors.current();
		if (!actor.can(Permission.APPROVAL_POLICY_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		actors.writableScope();
		return actor;
	}

	/** The draft with its stages numbered 1…n and its texts stripped, or the refusal of what is wrong in it. */
	PolicyDraft check(PolicyDraft draft, Long exceptId) {
		if (draft == null) {
			throw RejectedRequest.invalidField("name", "field.required");
		}
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		if (name == null) {
			errors.add("name", "field.required");
		}
		else if (name.length() > MAX_NAME) {
			errors.add("name", "approval.policy.name.too-long");
		}
		else if (policies.nameTaken(name, exceptId)) {
			errors.add("name", "approval.policy.name.taken");
		}
		if (draft.description().length() > MAX_DESCRIPTION) {
			errors.add("description", "approval.policy.description.too-long");
		}
		errors.throwIfAny();
		if (draft.stages().isEmpty()) {
			throw RejectedRequest.unprocessable("policy-without-stages", "approval.policy.no-stages");
		}
		if (draft.stages().size() > MAX_STAGES) {
			throw RejectedRequest.unprocessable("too-many-stages", "approval.policy.too-many-stages", MAX_STAGES);
		}
		List<PolicyStage> stages = new ArrayList<>();
		int position = 1;
		for (PolicyStage stage : draft.stages()) {
			stages.add(checkStage(stage, position++));
		}
		return new PolicyDraft(name, draft.description(), draft.requesterMayApprove(), stages);
	}

	private PolicyStage checkStage(PolicyStage stage, int position) {
		String field = "stages[" + (position - 1) + "]";
		String name = stage == null ? null : FieldErrors.clean(stage.name());
		if (name == null || name.length() > MAX_NAME) {
			throw RejectedRequest.invalidField(field + ".name", name == null ? "field.required"
					: "approval.policy.name.too-long");
		}
		if (stage.approvers().isEmpty()) {
			throw RejectedRequest.unprocessable("empty-stage", "approval.stage.empty", name);
		}
		if (stage.approvers().size() > MAX_APPROVERS) {
			throw RejectedRequest.unprocessable("too-many-approvers", "approval.stage.too-many-approvers", name,
					MAX_APPROVERS);
		}
		if (stage.rule() == null) {
			throw RejectedRequest.invalidField(field + ".rule", "field.required");
		}
		int required = stage.rule() == StageRule.N_OF ? stage.requiredCount() : 1;
		if (required < 1 || required > 100) {
			throw RejectedRequest.invalidField(field + ".requiredCount", "approval.stage.required-count");
		}
		Integer limit = stage.timeLimitMinutes();
		if (limit != null && (limit < 1 || limit > MAX_TIME_LIMIT_MINUTES)) {
			throw RejectedRequest.invalidField(field + ".timeLimitMinutes", "approval.stage.time-limit");
		}
		String condition = FieldErrors.clean(stage.condition());
		if (condition != null) {
			try {
				StageCondition.parse(condition);
			}
			catch (StageCondition.ConditionSyntaxException e) {
				throw new RejectedRequest(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
						"condition-syntax", "approval.condition.syntax",
						new Object[] { name, e.position(), new org.springframework.context.support
							.DefaultMessageSourceResolvable(new String[] { "approval.condition." + e.problem() },
									e.problem()) },
						Map.of(field + ".condition", "approval.condition." + e.problem()));
			}
		}
		for (StageApprover approver : stage.approvers()) {
			checkApprover(approver, name);
		}
		return new PolicyStage(position, name, stage.rule(), required, condition, limit, stage.approvers());
	}

	private void checkApprover(StageApprover approver, String stageName) {
		boolean known = approver != null && approver.kind() != null && switch (approver.kind()) {
			case PERSON -> approver.personId() != null && people.find(approver.personId()).isPresent();
			case ROLE -> approver.roleCode() != null && approver.partyId() != null
					&& organisations.findParty(approver.partyId()).isPresent()
					&& (approver.orgUnitId() == null || organisations.find(approver.orgUnitId())
						.filter(u -> u.partyId() == approver.partyId())
						.isPresent());
			case POST -> approver.postId() != null && positions.post(approver.postId()).isPresent();
			case UNIT_LEAD -> true;
		};
		if (!known) {
			throw RejectedRequest.unprocessable("unknown-approver", "approval.stage.unknown-approver", stageName);
		}
	}

	private static Map<String, Object> describe(PolicyDraft draft) {
		Map<String, Object> map = new HashMap<>();
		map.put("name", draft.name());
		map.put("requesterMayApprove", draft.requesterMayApprove());
		map.put("stages", draft.stages());
		return map;
	}
}
