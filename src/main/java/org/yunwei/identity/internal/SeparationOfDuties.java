package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;

/**
 * 三员分立 (等保 level 3): the system, security and audit administrators are three different people of the management
 * party; reading the audit trail is kept to the audit administrator and supervision; the supervisors' role belongs
 * to the supervision party, the service level manager's to management, which owns the catalogue and the SLAs; the
 * service desk's to a provider or management, who serve the customers.
 */
final class SeparationOfDuties {

	static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
	static final String SUPERVISOR = "SUPERVISOR";
	static final String SERVICE_MANAGER = "SERVICE_MANAGER";
	/** The service desk works for customers, so its roles belong to a provider or management. */
	static final Set<String> SERVICE_DESK = Set.of("SERVICE_DESK_AGENT", "SERVICE_DESK_MANAGER");
	static final Set<String> ADMINISTRATORS = Set.of(SYSTEM_ADMIN, "SECURITY_ADMIN", "AUDIT_ADMIN");

	/**
	 * The duties of the three administrators by permission: accounts, roles, the audit trail. One account holds the
	 * duties of one at most, whether through the built-in roles or custom ones.
	 */
	private static final List<Set<String>> DUTIES = List.of(Set.of("PARTY_MANAGE", "USER_MANAGE", "POST_MANAGE"),
			Set.of("ROLE_MANAGE", "ROLE_ASSIGN", "USER_UNLOCK"), Set.of("AUDIT_READ", "AUDIT_EXPORT"));

	private SeparationOfDuties() {
	}

	/**
	 * The roles given only when a second officer confirms: the three administrators, and the supervisor, who reads
	 * every party's records and the audit trail (a cross-party role is as much worth a second look as an
	 * administrative one).
	 */
	static final Set<String> CONFIRMED_GRANTS = Set.of(SYSTEM_ADMIN, "SECURITY_ADMIN", "AUDIT_ADMIN", SUPERVISOR);

	/** Whether the set gives a role of {@link #CONFIRMED_GRANTS} that the set before did not hold. */
	static boolean givesAdministrator(Collection<String> before, Collection<String> after) {
		return after.stream().anyMatch(code -> CONFIRMED_GRANTS.contains(code) && !before.contains(code));
	}

	/** Refuses a set of roles no single account may hold, for a user of the given party. */
	static void checkRoles(Collection<String> roleCodes, PartyKind userParty) {
		if (roleCodes.stream().filter(ADMINISTRATORS::contains).count() > 1) {
			throw FieldErrors.ruleBroken("separation-of-duties", "roles", "directory.role.two-administrators");
		}
		if (roleCodes.stream().anyMatch(ADMINISTRATORS::contains) && userParty != PartyKind.MANAGEMENT) {
			throw FieldErrors.ruleBroken("separation-of-duties", "roles", "directory.role.administrator-party");
		}
		if (roleCodes.contains(SUPERVISOR) && userParty != PartyKind.SUPERVISION) {
			throw FieldErrors.ruleBroken("separation-of-duties", "roles", "directory.role.supervisor-party");
		}
		if (roleCodes.contains(SERVICE_MANAGER) && userParty != PartyKind.MANAGEMENT) {
			throw FieldErrors.ruleBroken("separation-of-duties", "roles", "directory.role.service-manager-party");
		}
		if (roleCodes.stream().anyMatch(SERVICE_DESK::contains) && userParty != PartyKind.PROVIDER
				&& userParty != PartyKind.MANAGEMENT) {
			throw FieldErrors.ruleBroken("separation-of-duties", "roles", "directory.role.service-desk-party");
		}
	}

	/** Refuses permissions that a custom role may not carry. */
	static void checkCustomPermissions(List<Permission> permissions) {
		if (permissions.stream().anyMatch(Permission::reservedForBuiltInRoles)) {
			throw FieldErrors.ruleBroken("separation-of-duties", "permissions", "directory.role.permission-reserved");
		}
		checkDuties(permissions.stream().map(Enum::name).toList(), "permissions");
	}

	/** Refuses a set of permissions, of one role or of all of a person's roles, that spans two administrators' duties. */
	static void checkDuties(Collection<String> permissions, String field) {
		if (DUTIES.stream().filter(duty -> permissions.stream().anyMatch(duty::contains)).count() > 1) {
			throw FieldErrors.ruleBroken("separation-of-duties", field, "directory.role.two-duties");
		}
	}
}
