package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.emergency.internal.EmergencyPlanVersions.PlanVersion;
import org.yunwei.web.RejectedRequest;

/**
 * Approving plans: submitting records the working copy as a new version and asks the approval module under the
 * default policy for that version's hash; granted for that hash, the version is in force (the one before it
 * superseded); rejected, returned or withdrawn, the plan is a draft again with the reason. A decision delivered
 * twice, or for a hash or version the plan is not waiting for, changes nothing.
 */
@Service
public class EmergencyPlanApproval {

	public static final String SUBJECT_TYPE = "emergency-plan-version";

	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final Approvals approvals;
	private final AuditTrail audit;

	EmergencyPlanApproval(EmergencyPlanRecords plans, EmergencyPlanVersions versions, EmergencyAccess access, Approvals approvals,
			AuditTrail audit) {
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.approvals = approvals;
		this.audit = audit;
	}

	@Transactional
	public ApprovalState submit(long id) {
		Actor author = access.planAuthor();
		EmergencyPlan plan = plans.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("emergency-plan"));
		access.requireWritable(plan.partyId(), plan.orgUnitId());
		if (plan.status() != EmergencyPlanStatus.DRAFT) {
			throw RejectedRequest.conflict("emergency-plan-not-draft", "emergency.plan.not-draft");
		}
		EmergencyPlanContent content = plan.content();
		PlanVersion version = versions.insert(id, content, author.userId());
		plan.submit(version.id());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("scenario", content.scenario());
		facts.put("versionNumber", version.number());
		long policy = approvals.defaultPolicyId();
		ApprovalState state = approvals.request(new ApprovalAsk(
				new ApprovalSubject(SUBJECT_TYPE, version.id(), version.contentHash()), policy,
				content.title() + " · v" + version.number(), "/emergency/plans/" + id, facts));
		versions.requested(version.id(), state.requestId());
		plans.update(plan);
		audit.record(AuditEntry.of("EMERGENCY_PLAN_SUBMITTED", "emergency_plan", id)
			.after(Map.of("versionId", version.id(), "number", version.number(), "hash", version.contentHash(),
					"approvalRequestId", state.requestId(), "policyId", policy))
			.detail(content.title()));
		return state;
	}

	@Transactional
	public ApprovalState withdraw(long id) {
		access.planAuthor();
		EmergencyPlan plan = plans.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("emergency-plan"));
		access.requireWritable(plan.partyId(), plan.orgUnitId());
		Long requestId = plan.pendingVersionId() == null ? null
				: versions.find(plan.pendingVersionId()).map(PlanVersion::approvalRequestId).orElse(null);
		if (plan.status() != EmergencyPlanStatus.IN_REVIEW || requestId == null) {
			throw RejectedRequest.conflict("emergency-plan-not-in-review", "emergency.plan.not-in-review");
		}
		return approvals.withdraw(requestId);
	}

	@Transactional
	public void granted(long versionId, String hash, Instant at) {
		PlanVersion version = versions.find(versionId).orElse(null);
		if (version == null || !version.contentHash().equals(hash)) {
			return;
		}
		EmergencyPlan plan = plans.findForUpdate(version.planId()).orElseThrow();
		if (!plan.awaits(versionId)) {
			return;
		}
		Long replaced = plan.approve(versionId);
		versions.decided(versionId, "APPROVED", at, null);
		if (replaced != null) {
			versions.superseded(replaced);
		}
		plans.update(plan);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", versionId);
		after.put("number", version.number());
		after.put("hash", hash);
		after.put("approvalRequestId", version.approvalRequestId());
		if (replaced != null) {
			after.put("supersededVersionId", replaced);
		}
		audit.record(AuditEntry.of("EMERGENCY_PLAN_APPROVED", "emergency_plan", plan.id()).after(after)
			.detail(version.title()));
	}

	@Transactional
	public void notGranted(long versionId, String hash, String outcome, String reason, Instant at) {
		PlanVersion version = versions.find(versionId).orElse(null);
		if (version == null || !version.contentHash().equals(hash)) {
			return;
		}
		EmergencyPlan plan = plans.findForUpdate(version.planId()).orElseThrow();
		if (!plan.awaits(versionId)) {
			return;
		}
		plan.notApproved(versionId, reason);
		versions.decided(versionId, "NOT_APPROVED", at, reason);
		plans.update(plan);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", versionId);
		after.put("outcome", outcome);
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(AuditEntry.of("EMERGENCY_PLAN_NOT_APPROVED", "emergency_plan", plan.id()).after(after)
			.detail(version.title()));
	}
}
