package org.yunwei.emergency.internal;

import java.time.Instant;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * An emergency event: declared open at a level, escalated only to a more severe level, closed once with a summary
 * when every step of its checklist is done. A closed event takes nothing more (409).
 */
public final class EmergencyEvent {

	private final long id;
	private final String number;
	private final long partyId;
	private final long orgUnitId;
	private final String title;
	private final String description;
	private EmergencyLevel level;
	private final Long planId;
	private final Long planVersionId;
	private final Long ticketId;
	private boolean open;
	private final long declaredBy;
	private final Instant declaredAt;
	private Instant closedAt;
	private String summary;

	EmergencyEvent(long id, String number, long partyId, long orgUnitId, String title, String description,
			EmergencyLevel level, Long planId, Long planVersionId, Long ticketId, boolean open, long declaredBy,
			Instant declaredAt, Instant closedAt, String summary) {
		this.id = id;
		this.number = number;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.title = title;
		this.description = description;
		this.level = level;
		this.planId = planId;
		this.planVersionId = planVersionId;
		this.ticketId = ticketId;
		this.open = open;
		this.declaredBy = declaredBy;
		this.declaredAt = declaredAt;
		this.closedAt = closedAt;
		this.summary = summary;
	}

	/** Anything done to the event needs it open. */
	void requireOpen() {
		if (!open) {
			throw RejectedRequest.conflict("emergency-event-closed", "emergency.event.closed");
		}
	}

	/** Raises the level; a level that is not more severe than the current one is refused (422). */
	EmergencyLevel escalate(EmergencyLevel to) {
		requireOpen();
		if (!to.above(level)) {
			throw FieldErrors.ruleBroken("emergency-level-not-higher", "level", "emergency.event.level.not-higher");
		}
		EmergencyLevel before = level;
		level = to;
		return before;
	}

	/** Closes the event; refused (422) while steps of its checklist are not done. */
	void close(String closingSummary, long openSteps, Instant at) {
		requireOpen();
		if (openSteps > 0) {
			throw FieldErrors.ruleBroken("emergency-steps-open", "summary", "emergency.event.steps-open");
		}
		open = false;
		closedAt = at;
		summary = closingSummary;
	}

	public long id() {
		return id;
	}

	public String number() {
		return number;
	}

	public long partyId() {
		return partyId;
	}

	public long orgUnitId() {
		return orgUnitId;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public EmergencyLevel level() {
		return level;
	}

	public Long planId() {
		return planId;
	}

	public Long planVersionId() {
		return planVersionId;
	}

	public Long ticketId() {
		return ticketId;
	}

	public boolean open() {
		return open;
	}

	public long declaredBy() {
		return declaredBy;
	}

	public Instant declaredAt() {
		return declaredAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public String summary() {
		return summary;
	}
}
