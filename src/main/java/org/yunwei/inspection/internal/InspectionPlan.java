package org.yunwei.inspection.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import org.yunwei.web.RejectedRequest;

/**
 * A plan: a template on a schedule over targets, with a rota of assignees and an owner who hears of overdue tasks.
 * Paused, it generates nothing; its tasks stay.
 */
public final class InspectionPlan {

	private final long id;
	private final long partyId;
	private final long ownerId;
	private final String name;
	private final long templateId;
	private final InspectionSchedule schedule;
	private final long calendarId;
	private final LocalTime dueTime;
	private final LocalDate startsOn;
	private final LocalDate endsOn;
	private boolean active;
	private final LocalDate generatedThrough;

	InspectionPlan(long id, long partyId, long ownerId, String name, long templateId, InspectionSchedule schedule,
			long calendarId, LocalTime dueTime, LocalDate startsOn, LocalDate endsOn, boolean active,
			LocalDate generatedThrough) {
		this.id = id;
		this.partyId = partyId;
		this.ownerId = ownerId;
		this.name = name;
		this.templateId = templateId;
		this.schedule = schedule;
		this.calendarId = calendarId;
		this.dueTime = dueTime;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.active = active;
		this.generatedThrough = generatedThrough;
	}

	void pause() {
		if (!active) {
			throw RejectedRequest.conflict("plan-paused", "inspection.plan.already-paused");
		}
		active = false;
	}

	void resume() {
		if (active) {
			throw RejectedRequest.conflict("plan-active", "inspection.plan.already-active");
		}
		active = true;
	}

	/** Whether the plan runs on that day (between its first and last day). */
	boolean runsOn(LocalDate day) {
		return active && !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
	}

	public long id() {
		return id;
	}

	public long partyId() {
		return partyId;
	}

	public long ownerId() {
		return ownerId;
	}

	public String name() {
		return name;
	}

	public long templateId() {
		return templateId;
	}

	public InspectionSchedule schedule() {
		return schedule;
	}

	public long calendarId() {
		return calendarId;
	}

	public LocalTime dueTime() {
		return dueTime;
	}

	public LocalDate startsOn() {
		return startsOn;
	}

	public LocalDate endsOn() {
		return endsOn;
	}

	public boolean active() {
		return active;
	}

	public LocalDate generatedThrough() {
		return generatedThrough;
	}
}
