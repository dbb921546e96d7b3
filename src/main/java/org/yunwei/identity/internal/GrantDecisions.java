package org.yunwei.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The second officer's decision on a request to give an administrative role (三员分立, two people): a system
 * administrator or a security administrator other than the one who asked, and never the person who is to receive
 * the role, confirms it (the roles are then applied) or rejects it (nothing changes). A request whose person's roles
 * changed since it was asked is stale: it can only be rejected and asked again.
 */
@Service
class GrantDecisions {

	static final int LIST_LIMIT = 200;

	private final AdministrativeGrants grants;
	private final RoleAssignments assignments;
	private final Roles roles;
	private final UserRoster roster;
	private final Actors actors;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	GrantDecisions(AdministrativeGrants grants, RoleAssignments assignments, Roles roles, UserRoster roster,
			Actors actors, AuditTrail audit) {
		this.grants = grants;
		this.assignments = assignments;
		this.roles = roles;
		this.roster = roster;
		this.actors = actors;
		this.audit = audit;
	}

	/** The requests waiting for a decision, newest first, at most {@value #LIST_LIMIT}. */
	@PreAuthorize("hasAuthority('ADMIN_GRANT_DECIDE')")
	public List<GrantView> pending() {
		DataScope scope = actors.scope();
		return grants.pending(LIST_LIMIT).stream().filter(grant -> visible(grant, scope)).toList();
	}

	/** The request waiting for this user, for a page that has already checked the reader may see them. */
	Optional<GrantView> pendingFor(long userId) {
		return grants.pendingOf(userId);
	}

	@PreAuthorize("hasAuthority('ADMIN_GRANT_DECIDE')")
	@Transactional
	public UserView confirm(long grantId) {
		Actor actor = actors.current();
		GrantView grant = open(grantId, actor);
		if (!Set.copyOf(roles.codesOf(grant.userId())).equals(Set.copyOf(grant.rolesBefore()))) {
			throw RejectedRequest.conflict("grant-stale", "directory.grant.stale");
		}
		decide(grant, actor, "CONFIRMED");
		return assignments.applyConfirmed(grant);
	}

	@PreAuthorize("hasAuthority('ADMIN_GRANT_DECIDE')")
	@Transactional
	public void reject(long grantId) {
		Actor actor = actors.current();
		decide(open(grantId, actor), actor, "REJECTED");
	}

	private void decide(GrantView grant, Actor actor, String status) {
		grants.decide(grant.id(), status, actor.userId(), clock.instant());
		audit.record(AuditEntry.of("CONFIRMED".equals(status) ? "ADMIN_GRANT_CONFIRM" : "ADMIN_GRANT_REJECT", "user",
				grant.userId())
			.before(Map.of("grantId", grant.id(), "status", "PENDING", "requestedBy", grant.requestedByUsername()))
			.after(Map.of("grantId", grant.id(), "status", status, "roles", grant.rolesAsked())));
	}

	private boolean visible(GrantView grant, DataScope scope) {
		return roster.find(grant.userId()).filter(u -> scope.includes(u.partyId(), u.orgUnitId())).isPresent();
	}

	/** The request, locked, if it waits, is within the decider's scope, and the decider is a second person. */
	private GrantView open(long grantId, Actor actor) {
		DataScope scope = actors.writableScope();
		GrantView grant = grants.lock(grantId).filter(g -> visible(g, scope))
			.orElseThrow(() -> RejectedRequest.notFound("grant"));
		if (!"PENDING".equals(grant.status())) {
			throw RejectedRequest.conflict("grant-decided", "directory.grant.decided");
		}
		if (grant.requestedBy() == actor.userId()) {
			throw FieldErrors.ruleBroken("separation-of-duties", null, "directory.grant.own-request");
		}
		if (grant.userId() == actor.userId()) {
			throw FieldErrors.ruleBroken("separation-of-duties", null, "directory.grant.own-roles");
		}
		return grant;
	}
}
