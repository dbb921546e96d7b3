package org.yunwei.inspection.internal.check;

import java.time.Instant;

/**
 * An automated check and its state between runs. {@link #record} holds the rule of consecutive failures: the
 * {@code failuresToAlert}-th failure in a row raises the alarm once (an incident, or the owner told), further
 * failures add nothing while it stands, and the first run that is not a failure after it ends it.
 */
public final class AutomatedCheck {

	/** What a run means for the alarm. */
	public enum Turn {
		/** Nothing to do. */
		NONE,
		/** The failure reached the threshold: raise the alarm. */
		RAISE,
		/** The check works again after an alarm: end it. */
		RECOVER
	}

	private final long id;
	private final long partyId;
	private final long ownerId;
	private final Long providerPartyId;
	private final String name;
	private final CheckSettings settings;
	private boolean active;
	private int consecutiveFailures;
	private boolean alarmRaised;
	private Long openIncidentId;
	private CheckOutcome lastOutcome;
	private Instant lastRunAt;

	AutomatedCheck(long id, long partyId, long ownerId, Long providerPartyId, String name, CheckSettings settings, boolean active,
			int consecutiveFailures, boolean alarmRaised, Long openIncidentId, CheckOutcome lastOutcome,
			Instant lastRunAt) {
		this.id = id;
		this.partyId = partyId;
		this.ownerId = ownerId;
		this.providerPartyId = providerPartyId;
		this.name = name;
		this.settings = settings;
		this.active = active;
		this.consecutiveFailures = consecutiveFailures;
		this.alarmRaised = alarmRaised;
		this.openIncidentId = openIncidentId;
		this.lastOutcome = lastOutcome;
		this.lastRunAt = lastRunAt;
	}

	/** Counts this run in and says whether the alarm rises or ends now. */
	public Turn record(CheckOutcome outcome, Instant at) {
		lastOutcome = outcome;
		lastRunAt = at;
		if (outcome == CheckOutcome.DOWN) {
			consecutiveFailures++;
			if (!alarmRaised && consecutiveFailures >= settings.failuresToAlert()) {
				alarmRaised = true;
				return Turn.RAISE;
			}
			return Turn.NONE;
		}
		consecutiveFailures = 0;
		if (alarmRaised) {
			alarmRaised = false;
			return Turn.RECOVER;
		}
		return Turn.NONE;
	}

	/** The alarm was raised as an incident. */
	void incidentOpened(long incidentId) {
		openIncidentId = incidentId;
	}

	/** The incident of the alarm that ended; {@code null} when there was none. */
	Long closeIncident() {
		Long incident = openIncidentId;
		openIncidentId = null;
		return incident;
	}

	void pause() {
		if (!active) {
			throw org.yunwei.web.RejectedRequest.conflict("check-paused", "check.paused-already");
		}
		active = false;
	}

	void resume() {
		if (active) {
			throw org.yunwei.web.RejectedRequest.conflict("check-active", "check.running-already");
		}
		active = true;
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

	/** The provider that works the incidents a failure opens; {@code null} for the routing rules to choose. */
	public Long providerPartyId() {
		return providerPartyId;
	}

	public String name() {
		return name;
	}

	public CheckSettings settings() {
		return settings;
	}

	public boolean active() {
		return active;
	}

	public int consecutiveFailures() {
		return consecutiveFailures;
	}

	public boolean alarmRaised() {
		return alarmRaised;
	}

	public Long openIncidentId() {
		return openIncidentId;
	}

	public CheckOutcome lastOutcome() {
		return lastOutcome;
	}

	public Instant lastRunAt() {
		return lastRunAt;
	}
}
