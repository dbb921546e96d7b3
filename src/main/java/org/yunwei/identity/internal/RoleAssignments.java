package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.RejectedRequest;

/**
 * Gives a user their roles, under 三员分立: no account holds two administrator roles, the supervisors' role goes
 * to supervision only, built-in roles are given by management only, outside management nobody gives a role with a
 * permission they lack themselves, nobody changes their own roles, and the last
 * enabled system administrator keeps the role. Losing a role ends the person's sessions, so that it takes effect
 * at once rather than at their next sign-in.
 */
@Service
class RoleAssignments {

	private final Roles roles;
	private final UserRoster roster;
	private final UserAccounts accounts;
	private final LastSystemAdministrator lastSystemAdministrator;
	private final Actors actors;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	RoleAssignments(Roles roles, UserRoster roster, UserAccounts accounts, LastSystemAdministrator lastSystemAdministrator, Actors actors,
			AuditTrail audit) {
		this.roles = roles;
		this.roster = roster;
		this.accounts = accounts;
		this.lastSystemAdministrator = lastSystemAdministrator;
		this.actors = actors;
		this.audit = audit;
	}

	@PreAuthorize("hasAuthority('ROLE_ASSIGN')")
	@Transactional
	public UserView assign(long userId, RoleAssignment assignment) {
		DataScope scope = actors.writableScope();
		UserView user = roster.find(userId).filter(u -> scope.includes(u.partyId(), u.orgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("user"));
		Actor actor = actors.current();
		if (actor.userId() == userId) {
			throw FieldErrors.ruleBroken("separation-of-duties", "roles", "directory.role.self-assign");
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : assignment.roles() == null ? List.<String>of() : assignment.roles()) {
			String clean = FieldErrors.clean(code);
			if (clean == null) {
				throw RejectedRequest.invalidField("roles", "directory.role.unknown");
			}
			codes.add(clean);
		}
		List<Roles.Role> found = codes.isEmpty() ? List.of() : roles.findByCodes(codes);
		if (found.size() != codes.size()) {
			throw RejectedRequest.invalidField("roles", "directory.role.unknown");
		}
		SeparationOfDuties.checkRoles(codes, PartyKind.valueOf(user.partyKind()));
		List<String> before = user.roles();
		if (actor.partyKind() != PartyKind.MANAGEMENT) {
			requireDelegable(actor, found, before, codes);
		}
		if (before.contains(SeparationOfDuties.SYSTEM_ADMIN) && !codes.contains(SeparationOfDuties.SYSTEM_ADMIN)) {
			lastSystemAdministrator.requireAnotherBesides(userId);
		}
		roles.replaceRolesOf(userId, found.stream().map(Roles.Role::id).toList());
		if (!codes.containsAll(before)) {
			accounts.endSessions(userId, clock.instant());
		}
		List<String> after = roles.codesOf(userId);
		audit.record(AuditEntry.of("USER_ROLES_ASSIGN", "user", userId)
			.before(Map.of("roles", before))
			.after(Map.of("roles", after)));
		return roster.find(userId).orElseThrow();
	}

	/**
	 * Outside management, a role assigner may neither give nor take a built-in role, nor give a role carrying a
	 * permission they do not hold themselves: assigning roles must not become a way to gain rights.
	 */
	private void requireDelegable(Actor actor, List<Roles.Role> given, List<String> before, Set<String> after) {
		boolean builtInGiven = given.stream().anyMatch(role -> role.builtIn() && !before.contains(role.code()));
		boolean builtInTaken = roles.findByCodes(before).stream()
			.anyMatch(role -> role.builtIn() && !after.contains(role.code()));
		if (builtInGiven || builtInTaken) {
			throw RejectedRequest.forbidden("problem.directory.management-only");
		}
		Set<String> own = actor.permissions().stream().map(Enum::name).collect(Collectors.toSet());
		boolean beyondOwn = given.stream()
			.filter(role -> !before.contains(role.code()))
			.anyMatch(role -> !own.containsAll(role.permissions()));
		if (beyondOwn) {
			throw RejectedRequest.forbidden("problem.directory.beyond-own-permissions");
		}
	}
}
