package org.yunwei.sla;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a clock counts towards: a target amount in a time basis on a calendar, with warning thresholds. Taken from an
 * agreement's target when a clock starts and whenever the object is re-prioritised.
 *
 * @param agreementId the agreement the target comes from; {@code null} when it came from elsewhere
 * @param priority the object's priority, not {@code null}
 * @param calendarId the business calendar; {@code null} means the default calendar
 * @param basis business or calendar time, not {@code null}
 * @param target not negative
 * @param thresholds warning thresholds in percent, each from 1 to 99; kept sorted and without duplicates (100, the
 *        breach, is always raised and needs no threshold)
 */
public record ClockTerms(Long agreementId, Priority priority, Long calendarId, TimeBasis basis, Duration target,
		List<Integer> thresholds) {

	/**
	 * @throws IllegalArgumentException when the target is negative or a threshold is outside 1–99
	 */
	public ClockTerms {
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(basis, "basis");
		if (Objects.requireNonNull(target, "target").isNegative()) {
			throw new IllegalArgumentException("A clock's target must not be negative: " + target);
		}
		TreeSet<Integer> sorted = new TreeSet<>();
		for (Integer percent : Objects.requireNonNull(thresholds, "thresholds")) {
			if (percent == null || percent < 1 || percent > 99) {
				throw new IllegalArgumentException("A warning threshold must be from 1 to 99 percent: " + percent);
			}
			sorted.add(percent);
		}
		thresholds = List.copyOf(sorted);
	}

	/** The terms of an agreement's target for one kind of clock, on the agreement's calendar. */
	public static ClockTerms of(AppliedAgreement agreement, ClockKind kind) {
		return of(agreement.target(), kind, agreement.agreementId(), agreement.calendarId());
	}

	/** The terms of a target for one kind of clock. */
	public static ClockTerms of(ServiceLevelTarget target, ClockKind kind, Long agreementId, Long calendarId) {
		return new ClockTerms(agreementId, target.priority(), calendarId, kind.basisIn(target), kind.amountIn(target),
				target.warningThresholds().stream().filter(percent -> percent != null && percent < 100).toList());
	}
}
