package org.yunwei.problem.internal;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may do what with problems. Reading needs {@link Permission#PROBLEM_READ} and a problem of one's scope (a
 * provider its own party's, management and supervision every party's); customers read none, whatever their roles: a
 * problem is the service side's root-cause work. Writing needs the step's permission and a writable scope that holds
 * the problem (supervision only reads). The right is checked before any record is read, so that a person without it
 * gets 403 rather than learning whether a problem exists.
 */
@Component
public class ProblemAccess {

	private final Actors actors;

	ProblemAccess(Actors actors) {
		this.actors = actors;
	}

	/** Whether the person may read problems at all. */
	public static boolean reads(Actor actor) {
		return actor.partyKind() != PartyKind.CUSTOMER && actor.can(Permission.PROBLEM_READ);
	}

	/** The reader's scope, or 403. */
	public DataScope requireReader() {
		Actor actor = actors.current();
		if (!reads(actor)) {
			throw RejectedRequest.forbidden("problems.forbidden");
		}
		return actors.scopeOf(actor);
	}

	/** The person, who holds {@code permission} and may write, or 403. */
	public Actor require(Permission permission) {
		Actor actor = actors.current();
		if (actor.partyKind() == PartyKind.CUSTOMER || !actor.can(permission)) {
			throw RejectedRequest.forbidden("problems.forbidden");
		}
		actors.writableScope();
		return actor;
	}

	/** Whether the signed-in person holds the permission (and is no customer), for showing a page's buttons. */
	public boolean may(Permission permission) {
		Actor actor = actors.current();
		return actor.partyKind() != PartyKind.CUSTOMER && actor.can(permission)
				&& actors.scopeOf(actor).mayWrite();
	}

	/** 404 for a problem outside the reader's scope. */
	void requireVisible(DataScope scope, Problem problem) {
		if (!scope.includes(problem.partyId(), problem.orgUnitId())) {
			throw RejectedRequest.notFound("problem");
		}
	}

	/** 404 for a problem the writer may not change. */
	void requireWritable(Problem problem) {
		actors.requireWritable(problem.partyId(), problem.orgUnitId());
	}

	public Actors actors() {
		return actors;
	}
}
