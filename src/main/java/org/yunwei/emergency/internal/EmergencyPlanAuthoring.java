package org.yunwei.emergency.internal;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.web.RejectedRequest;

/** Writing plans: a new draft, a revision of the working copy, retiring; each audited in its transaction. */
@Service
public class EmergencyPlanAuthoring {

	private final EmergencyPlanRecords plans;
	private final EmergencyAccess access;
	private final EmergencyPickers pickers;
	private final AuditTrail audit;

	EmergencyPlanAuthoring(EmergencyPlanRecords plans, EmergencyAccess access, EmergencyPickers pickers, AuditTrail audit) {
		this.plans = plans;
		this.access = access;
		this.pickers = pickers;
		this.audit = audit;
	}

	/** A new draft of the author's party and unit; 400 naming every refused field. */
	@Transactional
	public long create(EmergencyPlanDraft draft) {
		Actor author = access.planAuthor();
		EmergencyPlanContent content = check(draft, author);
		long id = plans.insert(EmergencyPlan.draft(author.partyId(), author.orgUnitId(), author.userId(), content));
		audit.record(AuditEntry.of("EMERGENCY_PLAN_CREATED", "emergency_plan", id).after(content.audited())
			.detail(content.title()));
		return id;
	}

	/** A revision of the working copy; events keep following the approved version until the revision is approved. */
	@Transactional
	public void revise(long id, EmergencyPlanDraft draft) {
		Actor author = access.planAuthor();
		EmergencyPlan plan = load(id);
		EmergencyPlanContent content = check(draft, author);
		Map<String, Object> before = plan.content().audited();
		plan.revise(content);
		plans.update(plan);
		audit.record(AuditEntry.of("EMERGENCY_PLAN_REVISED", "emergency_plan", id).before(before)
			.after(content.audited()).detail(content.title()));
	}

	@Transactional
	public void retire(long id) {
		access.planAuthor();
		EmergencyPlan plan = load(id);
		EmergencyPlanStatus before = plan.status();
		plan.retire();
		plans.update(plan);
		audit.record(AuditEntry.of("EMERGENCY_PLAN_RETIRED", "emergency_plan", id)
			.before(Map.of("status", before.name())).after(Map.of("status", plan.status().name()))
			.detail(plan.content().title()));
	}

	private EmergencyPlan load(long id) {
		EmergencyPlan plan = plans.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("emergency-plan"));
		access.requireWritable(plan.partyId(), plan.orgUnitId());
		return plan;
	}

	/** The people of a role are enabled people of the author's party, a backup post one of its posts. */
	private EmergencyPlanContent check(EmergencyPlanDraft draft, Actor author) {
		EmergencyPlanDraft given = draft == null ? new EmergencyPlanDraft(null, null, null, null, null, null, null, null) : draft;
		return given.content(personId -> pickers.personOf(personId, author.partyId()),
				postId -> pickers.postOf(postId, author.partyId()));
	}
}
