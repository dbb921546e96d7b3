package org.yunwei.inspection.internal.check;

import java.util.List;

/**
 * What one run of a check found.
 *
 * @param detailKey the message key saying what was found, shown in the reader's language with {@code detailArgs}
 * @param daysLeft the certificate's days left for a TLS check; {@code null} otherwise
 */
public record Reading(CheckOutcome outcome, int millis, String detailKey, List<Object> detailArgs, Integer daysLeft) {

	public Reading {
		detailArgs = List.copyOf(detailArgs);
	}

	static Reading up(int millis, String key, Object... args) {
		return new Reading(CheckOutcome.UP, millis, key, List.of(args), null);
	}

	static Reading warning(int millis, String key, Object... args) {
		return new Reading(CheckOutcome.WARNING, millis, key, List.of(args), null);
	}

	static Reading down(int millis, String key, Object... args) {
		return new Reading(CheckOutcome.DOWN, millis, key, List.of(args), null);
	}

	Reading withDaysLeft(int days) {
		return new Reading(outcome, millis, detailKey, detailArgs, days);
	}
}
