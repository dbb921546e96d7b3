package org.yunwei.sla.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.TimeBasis;
import org.yunwei.sla.internal.clock.ClockHistory.Verdict;

class ClockHistoryTests {

	private static final CalendarSource DEFAULT = id -> BusinessCalendar.chinaDefault();

	// Monday 2 March 2026, 09:00 in Shanghai: a working day
	private static final Instant MONDAY_NINE = OffsetDateTime.parse("2026-03-02T09:00+08:00").toInstant();

	private final List<ClockEvent> events = new ArrayList<>();

	private int seq = 1;

	@Test
	void raisesEachThresholdThenTheBreachAtTheirShareOfTheTarget() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(4), TimeBasis.CALENDAR)));

		assertThat(clock.nextThreshold()).isEqualTo(50);
		assertThat(clock.nextDeadline()).isEqualTo(MONDAY_NINE.plus(Duration.ofHours(2)));
		clock.apply(raised(clock, 50));
		assertThat(clock.nextThreshold()).isEqualTo(75);
		assertThat(clock.nextDeadline()).isEqualTo(MONDAY_NINE.plus(Duration.ofHours(3)));
		clock.apply(raised(clock, 75));
		clock.apply(raised(clock, 90));
		assertThat(clock.nextThreshold()).isEqualTo(ClockHistory.BREACH);
		assertThat(clock.nextDeadline()).isEqualTo(clock.dueAt()).isEqualTo(MONDAY_NINE.plus(Duration.ofHours(4)));
		clock.apply(raised(clock, 100));
		assertThat(clock.breached()).isTrue();
		assertThat(clock.nextThreshold()).isNull();
		assertThat(clock.nextDeadline()).isNull();
	}

	@Test
	void countsBusinessTimeAcrossTheNight() {
		// 7 working hours on a day (09:00–12:00, 13:30–17:30): 8 hours end at 10:00 the next day
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(8), TimeBasis.BUSINESS)));

		assertThat(clock.dueAt()).isEqualTo(at("2026-03-03T10:00+08:00"));
	}

	@Test
	void aPauseShiftsTheDueTimeByThePausedBusinessTime() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(8), TimeBasis.BUSINESS)),
				transition(Type.PAUSED, at("2026-03-02T10:00+08:00")),
				transition(Type.RESUMED, at("2026-03-02T11:00+08:00")));

		assertThat(clock.status()).isEqualTo(ClockState.Status.RUNNING);
		assertThat(clock.dueAt()).isEqualTo(at("2026-03-03T11:00+08:00"));
	}

	@Test
	void aPausedClockHasNoDeadlineAndIsDueAsIfItRanAgainNow() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(8), TimeBasis.BUSINESS)),
				transition(Type.PAUSED, at("2026-03-02T10:00+08:00")));

		assertThat(clock.nextDeadline()).isNull();
		assertThat(clock.dueAt()).isNull();
		ClockState state = clock.stateAt(new ClockSubject("ticket", "1"), ClockKind.RESOLUTION,
				at("2026-03-02T12:00+08:00"));
		assertThat(state.paused()).isTrue();
		// two working hours paused (10:00–12:00): due two working hours later than 10:00 on Tuesday
		assertThat(state.dueAt()).isEqualTo(at("2026-03-03T12:00+08:00"));
		assertThat(state.remaining()).isEqualTo(Duration.ofHours(7));
		assertThat(state.percentElapsed()).isEqualTo(12);
	}

	@Test
	void retargetingCountsFromTheStartAndKeepsRaisedThresholds() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(4), TimeBasis.CALENDAR)));
		clock.apply(raised(clock, 50));
		clock.apply(raised(clock, 75));
		clock.apply(new ClockEvent(clock.lastSeq() + 1, Type.TARGET_CHANGED, MONDAY_NINE.plus(Duration.ofHours(3)),
				terms(Duration.ofHours(10), TimeBasis.CALENDAR), null, null));

		assertThat(clock.fired()).containsExactly(50, 75);
		assertThat(clock.nextThreshold()).isEqualTo(90);
		assertThat(clock.nextDeadline()).isEqualTo(MONDAY_NINE.plus(Duration.ofHours(9)));
		assertThat(clock.dueAt()).isEqualTo(MONDAY_NINE.plus(Duration.ofHours(10)));
	}

	@Test
	void aStoppedClockStandsWhereItStopped() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(4), TimeBasis.CALENDAR)),
				transition(Type.STOPPED, MONDAY_NINE.plus(Duration.ofHours(1))));

		ClockState state = clock.stateAt(new ClockSubject("ticket", "1"), ClockKind.RESPONSE,
				MONDAY_NINE.plus(Duration.ofDays(30)));
		assertThat(state.status()).isEqualTo(ClockState.Status.STOPPED);
		assertThat(state.percentElapsed()).isEqualTo(25);
		assertThat(state.remaining()).isEqualTo(Duration.ofHours(3));
		assertThat(clock.nextDeadline()).isNull();
	}

	@Test
	void aReopenedClockRunsAgainWithoutCountingTheTimeItStoodStopped() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(8), TimeBasis.BUSINESS)),
				transition(Type.STOPPED, at("2026-03-02T10:00+08:00")));
		assertThat(clock.judge(Type.REOPENED, null, at("2026-03-02T11:00+08:00"))).isEqualTo(Verdict.APPLY);

		clock.apply(transition(Type.REOPENED, at("2026-03-02T11:00+08:00")));

		assertThat(clock.status()).isEqualTo(ClockState.Status.RUNNING);
		assertThat(clock.stoppedAt()).isNull();
		// the stopped working hour (10:00–11:00) does not count: due an hour later than without it
		assertThat(clock.dueAt()).isEqualTo(at("2026-03-03T11:00+08:00"));
		assertThat(clock.judge(Type.REOPENED, null, at("2026-03-02T12:00+08:00"))).isEqualTo(Verdict.NOTHING_TO_DO);
		clock.apply(transition(Type.STOPPED, at("2026-03-02T14:00+08:00")));
		assertThat(clock.stoppedAt()).isEqualTo(at("2026-03-02T14:00+08:00"));
	}

	@Test
	void reopeningAPausedClockRunsItAgainAsAResumeWould() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(8), TimeBasis.BUSINESS)),
				transition(Type.PAUSED, at("2026-03-02T10:00+08:00")),
				transition(Type.REOPENED, at("2026-03-02T11:00+08:00")));

		assertThat(clock.status()).isEqualTo(ClockState.Status.RUNNING);
		assertThat(clock.dueAt()).isEqualTo(at("2026-03-03T11:00+08:00"));
	}

	@Test
	void judgesTransitions() {
		ClockTerms terms = terms(Duration.ofHours(4), TimeBasis.CALENDAR);
		ClockHistory running = history(started(MONDAY_NINE, terms));
		Instant later = MONDAY_NINE.plusSeconds(60);

		assertThat(running.judge(Type.PAUSED, null, later)).isEqualTo(Verdict.APPLY);
		assertThat(running.judge(Type.RESUMED, null, later)).isEqualTo(Verdict.NOTHING_TO_DO);
		assertThat(running.judge(Type.STARTED, terms, later)).isEqualTo(Verdict.ALREADY_STARTED);
		assertThat(running.judge(Type.TARGET_CHANGED, terms, later)).isEqualTo(Verdict.NOTHING_TO_DO);
		assertThat(running.judge(Type.PAUSED, null, MONDAY_NINE.minusSeconds(1))).isEqualTo(Verdict.OUT_OF_ORDER);
		running.apply(transition(Type.STOPPED, later));
		assertThat(running.judge(Type.PAUSED, null, later)).isEqualTo(Verdict.STOPPED);
		assertThat(running.judge(Type.STOPPED, null, later)).isEqualTo(Verdict.NOTHING_TO_DO);
	}

	@Test
	void replayingTheRecordedHistoryGivesTheSameClock() {
		ClockHistory clock = history(started(MONDAY_NINE, terms(Duration.ofHours(8), TimeBasis.BUSINESS)),
				transition(Type.PAUSED, at("2026-03-02T10:00+08:00")),
				transition(Type.RESUMED, at("2026-03-02T14:00+08:00")));
		clock.apply(raised(clock, 50));

		ClockHistory again = ClockHistory.replay(clock.events(), DEFAULT);
		assertThat(again.dueAt()).isEqualTo(clock.dueAt());
		assertThat(again.nextDeadline()).isEqualTo(clock.nextDeadline());
		assertThat(again.fired()).isEqualTo(clock.fired());
	}

	private ClockHistory history(ClockEvent... recorded) {
		events.addAll(List.of(recorded));
		return ClockHistory.replay(events, DEFAULT);
	}

	private ClockEvent started(Instant at, ClockTerms terms) {
		return new ClockEvent(1, Type.STARTED, at, terms, null, null);
	}

	private ClockEvent transition(Type type, Instant at) {
		return new ClockEvent(++seq, type, at, null, null, null);
	}

	private static ClockEvent raised(ClockHistory clock, int percent) {
		return new ClockEvent(clock.lastSeq() + 1, percent == 100 ? Type.BREACHED : Type.THRESHOLD_REACHED,
				clock.nextDeadline(), null, percent, clock.nextDeadline());
	}

	private static ClockTerms terms(Duration target, TimeBasis basis) {
		return new ClockTerms(null, Priority.P2, null, basis, target, List.of(50, 75, 90));
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}
}
