package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.emergency.internal.EmergencyDrillRecords.DrillPlan;
import org.yunwei.emergency.internal.EmergencyDrillSteps.DrillStep;
import org.yunwei.emergency.internal.EmergencyPlanVersions.PlanVersion;
import org.yunwei.identity.Actor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FileFormat;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Drills (应急演练): planning one for a plan in force (its approved version's procedure becomes the drill's steps,
 * each with the contact of its stage), starting it, starting and finishing each step in order at the instant it is
 * done, attaching screenshots to a step, finishing it with the summary and improvements and whether the plan must be
 * revised. Planning and finishing need EMERGENCY_MANAGE, running EMERGENCY_RESPOND; each write is audited.
 */
@Service
public class EmergencyDrilling {

	static final long SCREENSHOT_MAX_BYTES = 5L * 1024 * 1024;
	static final Set<FileFormat> IMAGES = Set.of(FileFormat.PNG, FileFormat.JPEG, FileFormat.GIF);

	private final EmergencyDrillRecords drills;
	private final EmergencyDrillSteps steps;
	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final EmergencyPickers pickers;
	private final AuditTrail audit;

	EmergencyDrilling(EmergencyDrillRecords drills, EmergencyDrillSteps steps, EmergencyPlanRecords plans,
			EmergencyPlanVersions versions, EmergencyAccess access, EmergencyPickers pickers, AuditTrail audit) {
		this.drills = drills;
		this.steps = steps;
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.pickers = pickers;
		this.audit = audit;
	}

	/** What a drill's planner writes. */
	public record DrillDraft(@Schema(description = "a plan in force") Long planId, String title, String objective,
			@Schema(description = "what is drilled: systems, scenarios") String subjects,
			@Schema(description = "TABLETOP, FUNCTIONAL or FULL_SCALE") String method, String participants,
			String place, @Schema(description = "when it is to take place") Instant plannedAt,
			@Schema(description = "the contact of each step's stage, by the step's position; optional") List<Long> contacts) {
	}

	@Transactional
	public long plan(DrillDraft draft) {
		Actor planner = access.planAuthor();
		DrillDraft d = draft == null ? new DrillDraft(null, null, null, null, null, null, null, null, null) : draft;
		FieldErrors errors = new FieldErrors();
		String title = FieldErrors.clean(d.title());
		errors.required("title", title, EmergencyEventResponse.TITLE_MAX);
		String objective = FieldErrors.clean(d.objective());
		errors.required("objective", objective, EmergencyEventResponse.TEXT_MAX);
		String subjects = FieldErrors.clean(d.subjects());
		errors.required("subjects", subjects, EmergencyEventResponse.TEXT_MAX);
		DrillMethod method = errors.constant(DrillMethod.class, d.method(), "method");
		String participants = FieldErrors.clean(d.participants());
		errors.required("participants", participants, EmergencyEventResponse.TEXT_MAX);
		String place = FieldErrors.clean(d.place());
		errors.required("place", place, EmergencyEventResponse.TITLE_MAX);
		errors.required("plannedAt", d.plannedAt());
		errors.required("planId", d.planId());
		PlanVersion version = null;
		if (d.planId() != null) {
			EmergencyPlan plan = plans.find(d.planId()).map(EmergencyPlanRecords.Row::plan)
				.filter(p -> access.scope().includes(p.partyId(), p.orgUnitId())).orElse(null);
			if (plan == null || !plan.inForce()) {
				errors.add("planId", "emergency.event.plan.unavailable");
			}
			else {
				version = versions.find(plan.approvedVersionId()).orElseThrow();
			}
		}
		List<Long> contacts = d.contacts() == null ? List.of() : new ArrayList<>(d.contacts());
		for (int i = 0; i < contacts.size(); i++) {
			if (contacts.get(i) != null && !pickers.personOf(contacts.get(i), planner.partyId())) {
				errors.add("contacts[" + i + "]", "emergency.plan.person.unknown");
			}
		}
		errors.throwIfAny();
		DrillPlan drillPlan = new DrillPlan(title, objective, subjects, method, participants, place, d.plannedAt());
		long id = drills.insert(planner.partyId(), planner.orgUnitId(), d.planId(), version.id(), drillPlan,
				planner.userId());
		steps.insertAll(id, version.content().steps(), contacts);
		audit.record(AuditEntry.of("EMERGENCY_DRILL_PLANNED", "emergency_drill", id)
			.after(Map.of("planId", d.planId(), "planVersionId", version.id(), "title", title, "method",
					method.name(), "plannedAt", d.plannedAt().toString()))
			.detail(title));
		return id;
	}

	@Transactional
	public void start(long id) {
		Actor responder = access.responder();
		EmergencyDrill drill = load(id);
		Instant at = EmergencyClock.now();
		drill.start(at);
		drills.update(drill);
		audit.record(AuditEntry.of("EMERGENCY_DRILL_STARTED", "emergency_drill", id)
			.after(Map.of("at", at.toString(), "by", responder.userId())).detail(drill.title()));
	}

	/** Starts a step now; the step before it must be finished (steps run in order). */
	@Transactional
	public void startStep(long id, long stepId) {
		Actor responder = access.responder();
		EmergencyDrill drill = load(id);
		drill.requireRunning();
		DrillStep step = steps.find(id, stepId).orElseThrow(() -> RejectedRequest.notFound("emergency-step"));
		if (step.started()) {
			throw RejectedRequest.conflict("emergency-drill-step-started", "emergency.drill.step.started");
		}
		boolean previousOpen = steps.ofDrill(id).stream()
			.anyMatch(other -> other.position() < step.position() && !other.finished());
		if (previousOpen) {
			throw FieldErrors.ruleBroken("emergency-drill-step-order", null, "emergency.drill.step.order");
		}
		Instant at = EmergencyClock.now();
		steps.started(stepId, responder.userId(), at);
		audit.record(AuditEntry.of("EMERGENCY_DRILL_STEP_STARTED", "emergency_drill", id)
			.after(Map.of("stepId", stepId, "position", step.position(), "at", at.toString())).detail(drill.title()));
	}

	@Transactional
	public void finishStep(long id, long stepId, String note) {
		Actor responder = access.responder();
		String cleanNote = FieldErrors.clean(note);
		new FieldErrors().optional("note", cleanNote, EmergencyEventResponse.TEXT_MAX).throwIfAny();
		EmergencyDrill drill = load(id);
		drill.requireRunning();
		DrillStep step = steps.find(id, stepId).orElseThrow(() -> RejectedRequest.notFound("emergency-step"));
		if (!step.started() || step.finished()) {
			throw RejectedRequest.conflict("emergency-drill-step-not-running", "emergency.drill.step.not-running");
		}
		Instant at = EmergencyClock.now();
		steps.finished(stepId, responder.userId(), at, cleanNote);
		audit.record(AuditEntry.of("EMERGENCY_DRILL_STEP_FINISHED", "emergency_drill", id)
			.after(Map.of("stepId", stepId, "position", step.position(), "at", at.toString())).detail(drill.title()));
	}

	/**
	 * Attaches a screenshot to a started step of a running drill: an image by its bytes (PNG, JPEG, GIF) of at most
	 * 5 MB; anything else is refused (400) and nothing is kept.
	 */
	@Transactional
	public long attach(long id, long stepId, UploadedFile file) {
		Actor responder = access.responder();
		FieldErrors errors = new FieldErrors();
		FileFormat format = null;
		if (file == null) {
			errors.add("file", "field.required");
		}
		else if (file.content() == null || file.size() > SCREENSHOT_MAX_BYTES) {
			errors.add("file", "emergency.drill.screenshot.too-large");
		}
		else {
			format = FileFormat.of(file.content()).filter(IMAGES::contains).orElse(null);
			if (format == null) {
				errors.add("file", "emergency.drill.screenshot.not-image");
			}
		}
		EmergencyDrill drill = load(id);
		errors.throwIfAny();
		drill.requireRunning();
		DrillStep step = steps.find(id, stepId).orElseThrow(() -> RejectedRequest.notFound("emergency-step"));
		if (!step.started()) {
			throw RejectedRequest.conflict("emergency-drill-step-not-started", "emergency.drill.step.not-started");
		}
		String extension = format.extensions().getFirst();
		String stored = UploadedFile.storedName(file.filename(), extension);
		String digest = UploadedFile.sha256(file.content());
		long screenshot = steps.attach(stepId, stored, extension, file.content(), digest, responder.userId());
		audit.record(AuditEntry.of("EMERGENCY_DRILL_SCREENSHOT", "emergency_drill", id)
			.after(Map.of("stepId", stepId, "screenshotId", screenshot, "name", stored, "size", file.content().length,
					"sha256", digest))
			.detail(drill.title()));
		return screenshot;
	}

	/** Finishes the drill once every step is; the summary and improvements are required. */
	@Transactional
	public void finish(long id, String summary, String improvements, Boolean revisionRequired) {
		access.planAuthor();
		FieldErrors errors = new FieldErrors();
		String cleanSummary = FieldErrors.clean(summary);
		String cleanImprovements = FieldErrors.clean(improvements);
		errors.required("summary", cleanSummary, EmergencyEventResponse.DESCRIPTION_MAX);
		errors.required("improvements", cleanImprovements, EmergencyEventResponse.DESCRIPTION_MAX);
		EmergencyDrill drill = load(id);
		errors.throwIfAny();
		Instant at = EmergencyClock.now();
		drill.finish(cleanSummary, cleanImprovements, Boolean.TRUE.equals(revisionRequired), steps.unfinished(id), at);
		drills.update(drill);
		audit.record(AuditEntry.of("EMERGENCY_DRILL_FINISHED", "emergency_drill", id)
			.before(Map.of("status", "RUNNING"))
			.after(Map.of("status", "FINISHED", "at", at.toString(), "revisionRequired", drill.revisionRequired()))
			.detail(drill.title()));
	}

	/** A screenshot's bytes for a reader of the drill; each download is audited (an internal file). */
	@Transactional
	public EmergencyDrillSteps.StoredScreenshot screenshot(long id, long screenshotId) {
		access.reader();
		EmergencyDrill drill = drills.find(id).map(EmergencyDrillRecords.Row::drill)
			.orElseThrow(() -> RejectedRequest.notFound("emergency-drill"));
		access.requireVisible(drill.partyId(), drill.orgUnitId());
		EmergencyDrillSteps.StoredScreenshot content = steps.content(id, screenshotId)
			.orElseThrow(() -> RejectedRequest.notFound("emergency-screenshot"));
		audit.record(AuditEntry.of("EMERGENCY_DRILL_SCREENSHOT_DOWNLOADED", "emergency_drill", id)
			.after(Map.of("screenshotId", screenshotId)).detail(drill.title()));
		return content;
	}

	private EmergencyDrill load(long id) {
		EmergencyDrill drill = drills.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("emergency-drill"));
		access.requireWritable(drill.partyId(), drill.orgUnitId());
		return drill;
	}
}
