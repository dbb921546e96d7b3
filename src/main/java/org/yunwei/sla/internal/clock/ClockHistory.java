package org.yunwei.sla.internal.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockState.Status;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Pause;
import org.yunwei.sla.TimeBasis;

/**
 * A clock as its history makes it: replays the events in order and answers what the clock's row must say. Pure and
 * not thread-safe; one instance serves one transaction.
 * <p>
 * The deadline of threshold p % is the instant at which counted time (time of the basis outside pauses) reaches
 * p % of the target, counted from the start; a new target (re-prioritising) counts from the start too. Thresholds
 * already raised stay raised, and only thresholds above the highest one raised are still to come: a warning at
 * 60 % after one at 75 % would say nothing new. After the breach nothing is to come.
 */
final class ClockHistory {

	static final int BREACH = 100;

	private final CalendarSource calendars;
	private final List<ClockEvent> events = new ArrayList<>();
	private final List<Pause> pauses = new ArrayList<>();
	private final TreeSet<Integer> fired = new TreeSet<>();
	private Status status;
	private ClockTerms terms;
	private Instant startedAt;
	private Instant pausedSince;
	private Instant stoppedAt;
	private Instant lastTransitionAt;
	private boolean breached;
	/** {@link #dueAt()} and {@link #nextDeadline()} as last computed; each walks the calendar, and any event resets them. */
	private Instant dueAt;
	private Instant nextDeadline;
	private boolean deadlinesKnown;

	private ClockHistory(CalendarSource calendars) {
		this.calendars = calendars;
	}

	/**
	 * @param events the clock's whole history, in order, starting with {@code STARTED}
	 */
	static ClockHistory replay(List<ClockEvent> events, CalendarSource calendars) {
		ClockHistory history = new ClockHistory(calendars);
		events.forEach(history::apply);
		if (history.status == null) {
			throw new IllegalStateException("A clock's history must begin with STARTED: " + events);
		}
		return history;
	}

	/** Adds an event at the end of the history. */
	void apply(ClockEvent event) {
		deadlinesKnown = false;
		if (status == null && event.type() != Type.STARTED) {
			throw new IllegalStateException("A clock's history must begin with STARTED, not " + event.type());
		}
		switch (event.type()) {
			case STARTED -> {
				terms = event.terms();
				startedAt = event.occurredAt();
				status = Status.RUNNING;
			}
			case PAUSED -> {
				pausedSince = event.occurredAt();
				status = Status.PAUSED;
			}
			case RESUMED -> {
				closePause(event.occurredAt());
				status = Status.RUNNING;
			}
			case STOPPED -> {
				closePause(event.occurredAt());
				stoppedAt = event.occurredAt();
				status = Status.STOPPED;
			}
			case REOPENED -> {
				closePause(event.occurredAt());
				if (stoppedAt != null) {
					pauses.add(new Pause(stoppedAt, event.occurredAt()));
					stoppedAt = null;
				}
				status = Status.RUNNING;
			}
			case TARGET_CHANGED -> terms = event.terms();
			case THRESHOLD_REACHED -> fired.add(event.percent());
			case BREACHED -> {
				fired.add(BREACH);
				breached = true;
			}
			case REPAIRED -> {
				// a marker for the assessor: the state it led to follows from the other events
			}
		}
		if (event.type().isTransition()) {
			lastTransitionAt = event.occurredAt();
		}
		events.add(event);
	}

	private void closePause(Instant at) {
		if (pausedSince != null) {
			pauses.add(new Pause(pausedSince, at));
			pausedSince = null;
		}
	}

	/** What a new transition would do to this clock. */
	Verdict judge(Type type, ClockTerms newTerms, Instant at) {
		if (at.isBefore(lastTransitionAt)) {
			return Verdict.OUT_OF_ORDER;
		}
		return switch (type) {
			case STARTED -> Verdict.ALREADY_STARTED;
			case PAUSED -> status == Status.RUNNING ? Verdict.APPLY
					: status == Status.PAUSED ? Verdict.NOTHING_TO_DO : Verdict.STOPPED;
			case RESUMED -> status == Status.PAUSED ? Verdict.APPLY
					: status == Status.RUNNING ? Verdict.NOTHING_TO_DO : Verdict.STOPPED;
			case STOPPED -> status == Status.STOPPED ? Verdict.NOTHING_TO_DO : Verdict.APPLY;
			case REOPENED -> status == Status.RUNNING ? Verdict.NOTHING_TO_DO : Verdict.APPLY;
			case TARGET_CHANGED -> status == Status.STOPPED ? Verdict.STOPPED
					: terms.equals(newTerms) ? Verdict.NOTHING_TO_DO : Verdict.APPLY;
			default -> throw new IllegalArgumentException("Not a transition: " + type);
		};
	}

	/** The answer of {@link #judge}. */
	enum Verdict {
		APPLY, NOTHING_TO_DO, ALREADY_STARTED, STOPPED, OUT_OF_ORDER
	}

	List<ClockEvent> events() {
		return List.copyOf(events);
	}

	int lastSeq() {
		return events.isEmpty() ? 0 : events.getLast().seq();
	}

	Status status() {
		return status;
	}

	ClockTerms terms() {
		return terms;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant stoppedAt() {
		return stoppedAt;
	}

	boolean breached() {
		return breached;
	}

	List<Integer> fired() {
		return List.copyOf(fired);
	}

	/** The due time; {@code null} while paused, as it then depends on when the clock runs again. */
	Instant dueAt() {
		computeDeadlines();
		return dueAt;
	}

	/** The due time if the clock ran again at {@code now} (for a paused clock), otherwise {@link #dueAt()}. */
	Instant dueAt(Instant now) {
		return deadlineOf(BREACH, pausesUntil(now));
	}

	/** The next threshold to raise, {@link #BREACH} for the breach; {@code null} when none is left or not running. */
	Integer nextThreshold() {
		if (status != Status.RUNNING || breached) {
			return null;
		}
		int highestFired = fired.isEmpty() ? 0 : fired.last();
		return terms.thresholds().stream().filter(percent -> percent > highestFired).findFirst().orElse(BREACH);
	}

	/** When {@link #nextThreshold()} falls due, {@code null} when there is none. */
	Instant nextDeadline() {
		computeDeadlines();
		return nextDeadline;
	}

	private void computeDeadlines() {
		if (!deadlinesKnown) {
			dueAt = status == Status.PAUSED ? null : deadlineOf(BREACH, pauses);
			Integer next = nextThreshold();
			nextDeadline = next == null ? null : next == BREACH && dueAt != null ? dueAt : deadlineOf(next, pauses);
			deadlinesKnown = true;
		}
	}

	/** Where the clock stands at {@code now}: a stopped clock stands where it stopped. */
	ClockState stateAt(ClockSubject subject, ClockKind kind, Instant now) {
		Instant end = status == Status.STOPPED ? stoppedAt : now;
		List<Pause> counted = pausesUntil(end);
		Duration elapsed = end.isAfter(startedAt) ? calendar().elapsed(startedAt, end, terms.basis(), counted)
				: Duration.ZERO;
		int percent = terms.target().isZero() ? BREACH
				: (int) Math.floor(elapsed.toNanos() * 100.0 / terms.target().toNanos());
		return new ClockState(subject, kind, status, terms, startedAt, deadlineOf(BREACH, counted),
				terms.target().minus(elapsed), percent, breached, stoppedAt);
	}

	private List<Pause> pausesUntil(Instant now) {
		if (pausedSince == null) {
			return pauses;
		}
		List<Pause> withOpen = new ArrayList<>(pauses);
		withOpen.add(new Pause(pausedSince, now.isAfter(pausedSince) ? now : pausedSince));
		return withOpen;
	}

	private Instant deadlineOf(int percent, List<Pause> counted) {
		Duration amount = terms.target().multipliedBy(percent).dividedBy(BREACH);
		return calendar().dueTime(startedAt, amount, terms.basis(), counted);
	}

	/**
	 * The clock's calendar; for calendar time any calendar counts alike (start + target), so none is looked up: a
	 * creation whose targets are all in calendar time then reads no calendar at all.
	 */
	private BusinessCalendar calendar() {
		if (terms.basis() == TimeBasis.CALENDAR) {
			return ANY_CALENDAR;
		}
		return Objects.requireNonNull(calendars.calendar(terms.calendarId()), "calendar");
	}

	private static final BusinessCalendar ANY_CALENDAR = BusinessCalendar.twentyFourSeven(BusinessCalendar.SHANGHAI);
}
