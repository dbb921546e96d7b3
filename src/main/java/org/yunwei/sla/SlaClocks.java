package org.yunwei.sla;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.internal.clock.ClockKeeper;

/**
 * SLA clocks (SLA 计时): any module starts a clock for one of its objects and tells it when the object waits
 * (pause, 挂起), goes on (resume), is done (stop) or is re-prioritised (retarget). The engine computes the due time
 * in business time on the agreement's calendar, around nights, weekends, holidays, make-up workdays and pauses, and
 * raises {@link SlaThresholdReached} at each warning threshold and {@link SlaBreached} at the due time, each exactly
 * once across all application nodes, catching up after downtime. Listen to them with
 * {@code @ApplicationModuleListener}.
 * <p>
 * A clock's state is derived from its recorded history ({@link #timeline}), so that it can be rebuilt after a
 * calendar or agreement correction ({@link #repair}) and shown to an assessor.
 * <p>
 * <b>Rules.</b> An object has at most one clock of each {@link ClockKind}; starting a second one is refused. Pausing
 * a paused clock, resuming a running one, stopping a stopped one or retargeting to the same terms changes nothing and
 * returns {@code false} (callers may repeat themselves, e.g. after a retry). Pausing, resuming or retargeting a
 * stopped clock, any transition of a clock that does not exist, and a transition dated before the clock's last
 * transition are refused. Refusals are {@link org.yunwei.web.RejectedRequest}s with status 422 and change nothing.
 * Instants are kept to the microsecond. The caller's transaction is joined, so that the clock changes with the
 * object or not at all. The clock's history is its own record of every change; the caller audits the change of its
 * object.
 */
@Service
public class SlaClocks {

	private final ClockKeeper clocks;

	SlaClocks(ClockKeeper clocks) {
		this.clocks = clocks;
	}

	/** Starts a clock on the terms of an agreement's target for {@code kind}, on the agreement's calendar. */
	public ClockState start(ClockSubject subject, ClockKind kind, AppliedAgreement agreement, Instant at) {
		return clocks.start(subject, kind, ClockTerms.of(agreement, kind), at);
	}

	/**
	 * Starts several clocks of one object on the terms of an agreement, with one statement; answers each clock's
	 * state at its start. Refused, with none started, when the object has a clock of one of the kinds already.
	 */
	public Map<ClockKind, ClockState> start(ClockSubject subject, Set<ClockKind> kinds, AppliedAgreement agreement,
			Instant at) {
		Map<ClockKind, ClockTerms> terms = new EnumMap<>(ClockKind.class);
		kinds.forEach(kind -> terms.put(kind, ClockTerms.of(agreement, kind)));
		return clocks.startAll(subject, terms, at);
	}

	/** Starts a clock on a target that comes from no agreement, on the default calendar. */
	public ClockState start(ClockSubject subject, ClockKind kind, ServiceLevelTarget target, Instant at) {
		return clocks.start(subject, kind, ClockTerms.of(target, kind, null, null), at);
	}

	/** Starts a clock on explicit terms. Each {@code start} answers the clock's state at its start (its due time). */
	public ClockState start(ClockSubject subject, ClockKind kind, ClockTerms terms, Instant at) {
		return clocks.start(subject, kind, terms, at);
	}

	/** Stops the clock until {@link #resume}: the time in between does not count. */
	public boolean pause(ClockSubject subject, ClockKind kind, Instant at) {
		return clocks.record(subject, kind, Type.PAUSED, null, at);
	}

	public boolean resume(ClockSubject subject, ClockKind kind, Instant at) {
		return clocks.record(subject, kind, Type.RESUMED, null, at);
	}

	/**
	 * Stops the clock: the object was responded to or resolved. It stays stopped unless the work is reopened
	 * ({@link #reopen}); the attainment report counts it in the period it stopped.
	 */
	public boolean stop(ClockSubject subject, ClockKind kind, Instant at) {
		return clocks.record(subject, kind, Type.STOPPED, null, at);
	}

	/**
	 * Runs a stopped (or paused) clock again because the work it measures was reopened: the time in between does not
	 * count, and the clock leaves the attainment report's count until it stops again.
	 */
	public boolean reopen(ClockSubject subject, ClockKind kind, Instant at) {
		return clocks.record(subject, kind, Type.REOPENED, null, at);
	}

	/**
	 * Gives the clock new terms, e.g. after re-prioritising: the due time and the deadlines still to come are
	 * counted from the start with the new target; thresholds already raised stay raised.
	 */
	public boolean retarget(ClockSubject subject, ClockKind kind, AppliedAgreement agreement, Instant at) {
		return clocks.record(subject, kind, Type.TARGET_CHANGED, ClockTerms.of(agreement, kind), at);
	}

	/** {@link #retarget(ClockSubject, ClockKind, AppliedAgreement, Instant)} with explicit terms. */
	public boolean retarget(ClockSubject subject, ClockKind kind, ClockTerms terms, Instant at) {
		return clocks.record(subject, kind, Type.TARGET_CHANGED, terms, at);
	}

	/** Where the clock stands at {@code now}; empty when the object has no such clock. */
	public Optional<ClockState> state(ClockSubject subject, ClockKind kind, Instant now) {
		return clocks.state(subject, kind, now);
	}

	/** {@link #state(ClockSubject, ClockKind, Instant)} now. */
	public Optional<ClockState> state(ClockSubject subject, ClockKind kind) {
		return state(subject, kind, Instant.now());
	}

	/** The clock's history in order; empty when the object has no such clock. */
	public List<ClockEvent> timeline(ClockSubject subject, ClockKind kind) {
		return clocks.timeline(subject, kind);
	}

	/**
	 * Recomputes the clocks on a calendar from their histories, after the calendar or an agreement was corrected.
	 * Clocks whose due time moved get a {@code REPAIRED} entry; thresholds that fall due by the new reckoning are
	 * raised by the scheduler within seconds. Runs in batches, each in its own transaction.
	 *
	 * @param calendarId {@code null} for all clocks
	 * @return how many clocks were recomputed
	 */
	public int repair(Long calendarId) {
		return clocks.repair(calendarId);
	}
}
