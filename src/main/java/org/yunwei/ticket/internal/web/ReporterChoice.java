package org.yunwei.ticket.internal.web;

import org.yunwei.identity.Person;

/**
 * A person the phone intake's picker offers as a reporter: a name, and no more of their number than its last four
 * digits (to tell two callers of the same name apart); the agent types a full number in the contact field.
 *
 * @param phoneEnding the number's last four digits; {@code null} when no number is known
 */
record ReporterChoice(long id, String displayName, String phoneEnding) {

	private static final int SHOWN_DIGITS = 4;

	static ReporterChoice of(Person person) {
		String digits = person.phone() == null ? "" : person.phone().replaceAll("[^0-9]", "");
		return new ReporterChoice(person.id(), person.displayName(),
				digits.length() < SHOWN_DIGITS ? null : digits.substring(digits.length() - SHOWN_DIGITS));
	}
}
