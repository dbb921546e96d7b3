package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Keeps at least one enabled system administrator: without one, nobody could create users or restore access.
 */
@Component
class LastSystemAdministrator {

	private final Roles roles;

	LastSystemAdministrator(Roles roles) {
		this.roles = roles;
	}

	/** Refuses to let this user stop being an enabled system administrator when nobody else is one. */
	void requireAnotherBesides(long userId) {
		if (roles.codesOf(userId).contains(SeparationOfDuties.SYSTEM_ADMIN)
				&& roles.otherEnabledHolders(SeparationOfDuties.SYSTEM_ADMIN, userId) == 0) {
			throw FieldErrors.ruleBroken("last-system-administrator", null, "directory.user.last-system-admin");
		}
	}
}
