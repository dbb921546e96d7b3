package org.yunwei.inspection.internal;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may do what with inspections; the right first, then the record. Reading needs
 * {@link Permission#INSPECTION_READ}; keeping templates and plans {@link Permission#INSPECTION_MANAGE}; doing a task
 * {@link Permission#INSPECTION_WORK} and being its assignee. A provider sees its own party's templates, plans and
 * tasks and the shipped templates; management and supervision see every party's; supervision never writes. A record
 * outside the scope is 404.
 */
@Component
public class InspectionAccess {

	private final Actors actors;

	InspectionAccess(Actors actors) {
		this.actors = actors;
	}

	public Actor requireReader() {
		return require(Permission.INSPECTION_READ);
	}

	public Actor requireManager() {
		Actor actor = require(Permission.INSPECTION_MANAGE);
		actors.writableScope();
		return actor;
	}

	public Actor requireWorker() {
		Actor actor = require(Permission.INSPECTION_WORK);
		actors.writableScope();
		return actor;
	}

	private Actor require(Permission permission) {
		Actor actor = actors.current();
		if (!actor.can(permission)) {
			throw RejectedRequest.forbidden("inspection.forbidden");
		}
		return actor;
	}

	/** Whether the signed-in person may read the manager's functions (for buttons). */
	public boolean mayManage() {
		return actors.find().map(a -> a.can(Permission.INSPECTION_MANAGE) && actors.scopeOf(a).mayWrite())
			.orElse(false);
	}

	/** The party whose records the reader sees, {@code null} for every party's (management, supervision). */
	public Long readableParty(Actor reader) {
		DataScope scope = actors.scopeOf(reader);
		return switch (scope.partyKind()) {
			case MANAGEMENT, SUPERVISION -> null;
			case PROVIDER, CUSTOMER -> reader.partyId();
		};
	}

	/** Whether a record of this party (none: shipped) is the reader's to see. */
	public boolean reads(Actor reader, Long partyId) {
		return partyId == null || actors.scopeOf(reader).includesParty(partyId);
	}

	/** Refuses (404) a record of another party than the writer's scope covers, or a shipped one to change. */
	public void requireWritable(long partyId) {
		if (!actors.writableScope().includesParty(partyId)) {
			throw RejectedRequest.notFound("record");
		}
	}
}
