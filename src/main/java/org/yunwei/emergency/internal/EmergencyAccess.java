package org.yunwei.emergency.internal;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may do what in emergency response. Reading plans and events needs {@link Permission#EMERGENCY_READ} and a
 * record in the reader's scope (a provider its own party's, management and supervision everyone's); writing plans
 * needs {@link Permission#EMERGENCY_MANAGE}, responding to events {@link Permission#EMERGENCY_RESPOND}, both within a
 * writable scope. The right is checked before any record is loaded: 403 without it, 404 for a record outside.
 */
@Component
public class EmergencyAccess {

	private final Actors actors;

	EmergencyAccess(Actors actors) {
		this.actors = actors;
	}

	public Actor reader() {
		return require(Permission.EMERGENCY_READ);
	}

	public Actor planAuthor() {
		Actor actor = require(Permission.EMERGENCY_MANAGE);
		actors.writableScope();
		return actor;
	}

	public Actor responder() {
		Actor actor = require(Permission.EMERGENCY_RESPOND);
		actors.writableScope();
		return actor;
	}

	public DataScope scope() {
		return actors.scope();
	}

	/** 404 unless the signed-in reader's scope holds a record so placed. */
	public void requireVisible(long partyId, long orgUnitId) {
		if (!actors.scope().includes(partyId, orgUnitId)) {
			throw RejectedRequest.notFound("record");
		}
	}

	/** 404 unless the signed-in writer may change a record so placed. */
	public void requireWritable(long partyId, long orgUnitId) {
		actors.requireWritable(partyId, orgUnitId);
	}

	/** Whether the signed-in person may read emergency records (without refusing when not). */
	public boolean mayRead() {
		return actors.find().map(actor -> actor.can(Permission.EMERGENCY_READ)).orElse(false);
	}

	public boolean may(Permission permission) {
		return actors.find().map(actor -> actor.can(permission)).orElse(false)
				&& actors.find().map(actor -> actors.scopeOf(actor).mayWrite()).orElse(false);
	}

	private Actor require(Permission permission) {
		Actor actor = actors.current();
		if (!actor.can(permission)) {
			throw RejectedRequest.forbidden("emergency.forbidden");
		}
		return actor;
	}
}
