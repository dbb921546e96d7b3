package org.yunwei.sla;

import java.util.Collection;
import java.util.Map;
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

	/**
	 * How the given subjects read for the signed-in person: the number people know each by and the page that shows
	 * it, for those of this module's subjects the person may see (the others are left out). A report of breaches
	 * names its tickets so instead of by type and internal id.
	 *
	 * @param subjects at most a few hundred, of any module; never {@code null}
	 */
	default Map<ClockSubject, SubjectName> names(Collection<ClockSubject> subjects) {
		return Map.of();
	}

	/**
	 * A subject as people know it.
	 *
	 * @param number e.g. {@code INC-20261206-0001}
	 * @param href the subject's page within the application
	 */
	record SubjectName(String number, String href) {
	}
}
