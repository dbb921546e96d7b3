package org.yunwei.approval.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * A person's delegations (委托审批): they let a named colleague decide for them during a period, e.g. while on a
 * business trip; the delegate's decisions count only inside it. Anyone may delegate their own approvals; nobody
 * another's.
 */
@Service
public class DelegationRegister {

	static final Duration MAX_PERIOD = Duration.ofDays(366);
	static final int MAX_REASON = 500;

	private final Delegations delegations;
	private final ApproverResolution resolution;
	private final Actors actors;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	DelegationRegister(Delegations delegations, ApproverResolution resolution, Actors actors, AuditTrail audit) {
		this.delegations = delegations;
		this.resolution = resolution;
		this.actors = actors;
		this.audit = audit;
	}

	@Transactional
	public Delegation give(Long delegateId, Instant from, Instant until, String reason) {
		Actor actor = actors.current();
		actors.writableScope();
		FieldErrors errors = new FieldErrors();
		if (delegateId == null || !resolution.enabledPerson(delegateId)) {
			errors.add("delegateId", delegateId == null ? "field.required" : "approval.person.unknown");
		}
		else if (delegateId == actor.userId()) {
			errors.add("delegateId", "approval.delegation.self");
		}
		if (from == null) {
			errors.add("from", "field.required");
		}
		if (until == null) {
			errors.add("until", "field.required");
		}
		else if (from != null && (!until.isAfter(from) || Duration.between(from, until).compareTo(MAX_PERIOD) > 0)) {
			errors.add("until", "approval.delegation.period");
		}
		else if (!until.isAfter(clock.instant())) {
			errors.add("until", "approval.delegation.past");
		}
		String why = FieldErrors.clean(reason);
		if (why == null) {
			errors.add("reason", "field.required");
		}
		else if (why.length() > MAX_REASON) {
			errors.add("reason", "approval.reason.too-long");
		}
		errors.throwIfAny();
		long id = delegations.insert(actor.userId(), delegateId, from, until, why);
		audit.record(AuditEntry.of("APPROVAL_DELEGATE", "approval_delegation", id)
			.after(Map.of("delegateId", delegateId, "from", from.toString(), "until", until.toString(), "reason",
					why)));
		return delegations.find(id).orElseThrow();
	}

	@Transactional
	public void revoke(long id) {
		Actor actor = actors.current();
		actors.writableScope();
		Delegation delegation = delegations.find(id)
			.filter(d -> d.delegatorId() == actor.userId())
			.orElseThrow(() -> RejectedRequest.notFound("approval-delegation"));
		if (delegation.revokedAt() != null) {
			throw RejectedRequest.conflict("delegation-revoked", "approval.delegation.revoked");
		}
		delegations.revoke(id, clock.instant());
		audit.record(AuditEntry.of("APPROVAL_DELEGATION_REVOKE", "approval_delegation", id));
	}

	@Transactional(readOnly = true)
	public List<Delegation> mine() {
		return delegations.involving(actors.current().userId(), 100);
	}
}
