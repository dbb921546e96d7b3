package org.yunwei.audit;

import java.util.Objects;

/**
 * One thing to put on the audit trail. {@code before} and {@code after} are any values that serialise to JSON
 * (usually maps of the fields that changed), {@code null} where there is no such state. {@code actor} is needed only
 * where nobody is signed in yet (a failed sign-in names the account that was tried); otherwise the signed-in person
 * is the actor.
 */
public record AuditEntry(String action, String objectType, String objectId, Outcome outcome, Object before,
		Object after, String detail, String actor) {

	public AuditEntry {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(objectType, "objectType");
		Objects.requireNonNull(outcome, "outcome");
	}

	public static AuditEntry of(String action, String objectType, Object objectId) {
		return new AuditEntry(action, objectType, objectId == null ? null : objectId.toString(), Outcome.SUCCESS, null,
				null, null, null);
	}

	public AuditEntry outcome(Outcome value) {
		return new AuditEntry(action, objectType, objectId, value, before, after, detail, actor);
	}

	public AuditEntry before(Object value) {
		return new AuditEntry(action, objectType, objectId, outcome, value, after, detail, actor);
	}

	public AuditEntry after(Object value) {
		return new AuditEntry(action, objectType, objectId, outcome, before, value, detail, actor);
	}

	public AuditEntry detail(String value) {
		return new AuditEntry(action, objectType, objectId, outcome, before, after, value, actor);
	}

	public AuditEntry actor(String value) {
		return new AuditEntry(action, objectType, objectId, outcome, before, after, detail, value);
	}
}
