package org.yunwei.personnel.internal;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may do what with staff records: PERSONNEL_READ reads those of the parties in one's scope, PERSONNEL_MANAGE
 * keeps them; the personal data only to their keepers and to the person themselves (docs/security.md). The right is
 * checked before any record is loaded, so that a refusal tells nothing of which records exist.
 */
@Component
class StaffAccess {

	private final Actors actors;

	StaffAccess(Actors actors) {
		this.actors = actors;
	}

	Actor actor() {
		return actors.current();
	}

	Actor requireReader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.PERSONNEL_READ) && !actor.can(Permission.PERSONNEL_MANAGE)) {
			throw RejectedRequest.forbidden("personnel.read.forbidden");
		}
		return actor;
	}

	Actor requireKeeper() {
		Actor actor = actors.current();
		if (!actor.can(Permission.PERSONNEL_MANAGE)) {
			throw RejectedRequest.forbidden("personnel.manage.forbidden");
		}
		actors.writableScope();
		return actor;
	}

	DataScope scope() {
		return actors.scope();
	}

	boolean sees(StaffMember member) {
		return actors.scope().includes(member.partyId(), member.orgUnitId());
	}

	boolean keeps(Actor actor, StaffMember member) {
		DataScope scope = actors.scopeOf(actor);
		return actor.can(Permission.PERSONNEL_MANAGE) && scope.mayWrite()
				&& scope.includes(member.partyId(), member.orgUnitId());
	}

	boolean seesPersonalData(Actor actor, StaffMember member) {
		return actor.userId() == member.userId() || keeps(actor, member);
	}

	/** The record, for its keeper; 404 when it is not there or outside the keeper's scope. */
	StaffMember kept(Actor keeper, java.util.Optional<StaffMember> found) {
		return found.filter(m -> keeps(keeper, m)).orElseThrow(() -> RejectedRequest.notFound("staff"));
	}
}
