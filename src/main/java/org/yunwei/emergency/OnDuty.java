package org.yunwei.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is on duty now (当前值班), for the pages that show it beside their own content (the home page of the desk
 * roles, an incident's page, an emergency event's page).
 */
public interface OnDuty {

	/**
	 * The people on duty at this instant in the rosters the signed-in person may read, leads first; empty when they
	 * may not read rosters (EMERGENCY_READ), so that a page shows nothing rather than refusing.
	 */
	Optional<List<OnDutyPerson>> forCurrentPerson();

	/**
	 * One person on duty.
	 *
	 * @param lead whether they lead the shift (值班长)
	 * @param until when their shift ends
	 */
	record OnDutyPerson(String name, String phone, boolean lead, Instant until) {
	}
}
