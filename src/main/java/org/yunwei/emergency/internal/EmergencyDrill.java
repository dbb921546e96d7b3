package org.yunwei.emergency.internal;

import java.time.Instant;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * A drill of an emergency plan: planned, then running from the instant it starts, finished once every step is
 * finished, with its summary and improvements. Each transition checks the state it starts from (409 otherwise).
 */
public final class EmergencyDrill {

	private final long id;
	private final long partyId;
	private final long orgUnitId;
	private final long planId;
	private final long planVersionId;
	private final String title;
	private DrillStatus status;
	private Instant startedAt;
	private Instant finishedAt;
	private String summary;
	private String improvements;
	private boolean revisionRequired;

	EmergencyDrill(long id, long partyId, long orgUnitId, long planId, long planVersionId, String title,
			DrillStatus status, Instant startedAt, Instant finishedAt, String summary, String improvements,
			boolean revisionRequired) {
		this.id = id;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.planId = planId;
		this.planVersionId = planVersionId;
		this.title = title;
		this.status = status;
		this.startedAt = startedAt;
		this.finishedAt = finishedAt;
		this.summary = summary;
		this.improvements = improvements;
		this.revisionRequired = revisionRequired;
	}

	void start(Instant at) {
		if (status != DrillStatus.PLANNED) {
			throw RejectedRequest.conflict("emergency-drill-not-planned", "emergency.drill.not-planned");
		}
		status = DrillStatus.RUNNING;
		startedAt = at;
	}

	/** Steps are started, finished and shown with screenshots only while the drill runs. */
	void requireRunning() {
		if (status != DrillStatus.RUNNING) {
			throw RejectedRequest.conflict("emergency-drill-not-running", "emergency.drill.not-running");
		}
	}

	/** Finishes the drill; refused (422) while steps are not finished. */
	void finish(String closingSummary, String closingImprovements, boolean revision, long openSteps, Instant at) {
		requireRunning();
		if (openSteps > 0) {
			throw FieldErrors.ruleBroken("emergency-drill-steps-open", "summary", "emergency.drill.steps-open");
		}
		status = DrillStatus.FINISHED;
		finishedAt = at;
		summary = closingSummary;
		improvements = closingImprovements;
		revisionRequired = revision;
	}

	public long id() {
		return id;
	}

	public long partyId() {
		return partyId;
	}

	public long orgUnitId() {
		return orgUnitId;
	}

	public long planId() {
		return planId;
	}

	public long planVersionId() {
		return planVersionId;
	}

	public String title() {
		return title;
	}

	public DrillStatus status() {
		return status;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public Instant finishedAt() {
		return finishedAt;
	}

	public String summary() {
		return summary;
	}

	public String improvements() {
		return improvements;
	}

	public boolean revisionRequired() {
		return revisionRequired;
	}
}
