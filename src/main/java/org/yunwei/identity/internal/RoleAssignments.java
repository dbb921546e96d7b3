package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * Gives a user their roles, under 三员分立: no account holds two administrator roles, and those three belong to
 * management people only; the supervisors' role goes to supervision only, built-in roles are given by management
 * only, outside management nobody gives a role with a permission they lack themselves, nobody changes their own
 * roles, and the last enabled system administrator keeps the role. A set that gives an administrative role is not
 * applied but waits for a second officer ({@link GrantDecisions}). Every change of roles ends the person's sessions
 * and revokes their API tokens, so that nothing they hold keeps the old rights or gains the new ones without a
 * fresh sign-in, second factor included.
 */
@Service
class RoleAssignments {

	private final Roles roles;
	private final UserRoster roster;
	private final UserAccounts accounts;
	private final ApiTokens tokens;
	private final AdministrativeGrants grants;
	private final LastSystemAdministrator lastSystemAdministrator;
	private final Actors actors;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	RoleAssignments(Roles roles, UserRoster roster, UserAccounts accounts, ApiTokens tokens,
			AdministrativeGrants grants, LastSystemAdministrator lastSystemAdministrator, Actors actors,
			AuditTrail audit) {
		this.roles = roles;
		this.roster = roster;
		this.accounts = accounts;
		this.tokens = tokens;
		this.grants = grants;
		this.lastSystemAdministrator = lastSystemAdministrator;
		this.actors = actors;
		this.audit = audit;
	}

	/**
	 * Replaces the user's roles, or, when the set gives an administrative role, records the request for a second
	 * officer to decide on and changes nothing yet.
	 */
	@PreAuthorize("hasAuthority('ROLE_ASSIGN')")
	@Transactional
	public AssignmentOutcome assign(long userId, RoleAssignment assignment) {
		UserView user = visibleUser(userId);
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
		List<Roles.Role> found = rolesOf(codes);
		List<String> before = user.roles();
		if (actor.partyKind() != PartyKind.MANAGEMENT) {
			requireDelegable(actor, found, before, codes);
		}
		checkRules(user, codes, found);
		if (SeparationOfDuties.givesAdministrator(before, codes)) {
			return new AssignmentOutcome(user, request(user, codes, actor));
		}
		return new AssignmentOutcome(apply(userId, before, found, Map.of()), null);
	}

	/**
	 * Applies a confirmed request: the same rules are checked again against the person as they are now.
	 */
	UserView applyConfirmed(GrantView grant) {
		UserView user = roster.find(grant.userId()).orElseThrow(() -> RejectedRequest.notFound("user"));
		Set<String> codes = new LinkedHashSet<>(grant.rolesAsked());
		List<Roles.Role> found = rolesOf(codes);
		checkRules(user, codes, found);
		return apply(grant.userId(), user.roles(), found, Map.of("grantId", grant.id()));
	}

	private List<Roles.Role> rolesOf(Set<String> codes) {
		List<Roles.Role> found = codes.isEmpty() ? List.of() : roles.findByCodes(codes);
		if (found.size() != codes.size()) {
			throw RejectedRequest.invalidField("roles", "directory.role.unknown");
		}
		return found;
	}

	/** The rules that hold whoever asks and whoever confirms. */
	private void checkRules(UserView user, Set<String> codes, List<Roles.Role> found) {
		SeparationOfDuties.checkRoles(codes, PartyKind.valueOf(user.partyKind()));
		SeparationOfDuties.checkDuties(found.stream().flatMap(role -> role.permissions().stream()).toList(), "roles");
		if (user.roles().contains(SeparationOfDuties.SYSTEM_ADMIN) && !codes.contains(SeparationOfDuties.SYSTEM_ADMIN)) {
			lastSystemAdministrator.requireAnotherBesides(user.id());
		}
	}

	private GrantView request(UserView user, Set<String> codes, Actor actor) {
		Instant now = clock.instant();
		long grantId = grants.insert(user.id(), user.roles(), codes, actor.userId(), now)
			.orElseThrow(() -> RejectedRequest.conflict("grant-pending", "directory.grant.already-pending"));
		audit.record(AuditEntry.of("ADMIN_GRANT_REQUEST", "user", user.id())
			.before(Map.of("roles", user.roles()))
			.after(Map.of("roles", List.copyOf(codes), "grantId", grantId, "status", "PENDING")));
		return grants.pendingOf(user.id()).orElseThrow();
	}

	private UserView apply(long userId, List<String> before, List<Roles.Role> found, Map<String, Object> detail) {
		roles.replaceRolesOf(userId, found.stream().map(Roles.Role::id).toList());
		List<String> after = roles.codesOf(userId);
		Map<String, Object> afterView = new LinkedHashMap<>(detail);
		afterView.put("roles", after);
		if (!Set.copyOf(after).equals(Set.copyOf(before))) {
			Instant now = clock.instant();
			accounts.endSessions(userId, now);
			afterView.put("tokensRevoked", tokens.revokeAllOf(userId, now));
		}
		audit.record(AuditEntry.of("USER_ROLES_ASSIGN", "user", userId)
			.before(Map.of("roles", before))
			.after(afterView));
		return roster.find(userId).orElseThrow();
	}

	private UserView visibleUser(long userId) {
		DataScope scope = actors.writableScope();
		return roster.find(userId).filter(u -> scope.includes(u.partyId(), u.orgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("user"));
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

	/**
	 * What became of an assignment: the user as they are now, and the request waiting for a second officer when
	 * the set gives an administrative role ({@code null} when it was applied at once).
	 */
	record AssignmentOutcome(UserView user, GrantView pendingGrant) {
	}
}
