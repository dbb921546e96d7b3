package org.yunwei.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Creates a user and, when the draft names roles, gives them in the same transaction: a refused role set leaves no
 * account behind. Giving roles stays the role assigner's duty (三员分立): a system administrator's draft with roles
 * is refused, not silently stripped of them.
 */
@Service
class UserEnrolment {

	private final UserAdministration users;
	private final RoleAssignments assignments;
	private final Actors actors;

	UserEnrolment(UserAdministration users, RoleAssignments assignments, Actors actors) {
		this.users = users;
		this.assignments = assignments;
		this.actors = actors;
	}

	@PreAuthorize("hasAuthority('USER_MANAGE')")
	@Transactional
	public Enrolled enrol(UserDraft draft) {
		if (draft.givesRoles() && !actors.current().can(Permission.ROLE_ASSIGN)) {
			throw RejectedRequest.forbidden("problem.directory.roles-by-assigner");
		}
		UserView created = users.create(draft);
		if (!draft.givesRoles()) {
			return new Enrolled(created, null);
		}
		var outcome = assignments.assign(created.id(), new RoleAssignment(draft.roles()));
		return new Enrolled(outcome.user(), outcome.pendingGrant());
	}

	/** The new user as they are now, and the request waiting for a second officer when an administrative role was asked. */
	record Enrolled(UserView user, GrantView pendingGrant) {
	}
}
