package org.yunwei.sla;

import java.util.Optional;

/**
 * Finds what a clock measures by the number people know it by (a ticket's {@code INC-20261206-0001}), so that the
 * clocks page asks for that number and not for a subject type and internal id. Each module that starts clocks for its
 * objects may implement it; the SLA module defines the contract because those modules already depend on it.
 */
public interface ClockSubjects {

	/**
	 * The subject this module numbers so, if the signed-in person may see it.
	 *
	 * @param number a record number as people write it, trimmed; never {@code null}
	 * @return empty when this module has no such record or it lies outside the person's scope
	 */
	Optional<ClockSubject> byNumber(String number);
}
