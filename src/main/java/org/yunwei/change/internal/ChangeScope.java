package org.yunwei.change.internal;

import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.identity.ScopedActor;
import org.yunwei.web.RejectedRequest;

/**
 * Who may see and keep which changes (docs/security.md, "Changes"). A change is placed by the provider that raised
 * it and by the customer units it affects (those of its items and those their impact reaches):
 * <ul>
 * <li>management and supervision see every change (supervision only reads);</li>
 * <li>a provider sees and keeps the changes its people raised;</li>
 * <li>a customer sees, reading only, the changes that affect its unit or the units below it.</li>
 * </ul>
 * Reading needs {@link Permission#CHANGE_READ} (a customer reads by its party); keeping needs
 * {@link Permission#CHANGE_MANAGE}. A change outside the scope is 404.
 */
@Component
class ChangeScope {

	private final Actors actors;

	ChangeScope(Actors actors) {
		this.actors = actors;
	}

	/** The signed-in reader; 403 for someone who may not read changes. */
	ScopedActor reader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CHANGE_READ) && actor.partyKind() != PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new ScopedActor(actor, actors.scopeOf(actor));
	}

	/** Whether the signed-in person may read changes at all (for other modules' pages). */
	boolean mayRead() {
		return actors.find().filter(a -> a.can(Permission.CHANGE_READ) || a.partyKind() == PartyKind.CUSTOMER)
			.isPresent();
	}

	/** The signed-in person about to keep changes; 403 without CHANGE_MANAGE or for a read-only scope. */
	ScopedActor writer() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CHANGE_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new ScopedActor(actor, actors.writableScope());
	}

	/** Whether the signed-in person may keep changes at all (for buttons on pages). */
	boolean mayManage() {
		return actors.find()
			.filter(a -> a.can(Permission.CHANGE_MANAGE) && a.partyKind() != PartyKind.SUPERVISION
					&& a.partyKind() != PartyKind.CUSTOMER)
			.isPresent();
	}

	/** Whether the signed-in person may declare and remove freeze windows: management's CHANGE_MANAGE. */
	boolean mayKeepFreezeWindows() {
		return actors.find().filter(a -> a.can(Permission.CHANGE_MANAGE) && a.partyKind() == PartyKind.MANAGEMENT)
			.isPresent();
	}

	/** Whether the signed-in person may read the approval rules (for the link on the list). */
	boolean mayReadApprovalRules() {
		return actors.find().filter(ChangeApprovalRules::reads).isPresent();
	}

	/**
	 * Which changes the person sees: a change is placed by its provider party and its customer units
	 * ({@link org.yunwei.identity.DataScope#includesAny}).
	 */
	static Predicate<ChangeRequest> visibleTo(ScopedActor person) {
		return change -> person.scope().includesAny(change.providerPartyId(), change.customerUnitIds());
	}

	/** The SQL condition of {@link #visibleTo} over a change alias, with its positional parameters. */
	static DataScope.Condition where(ScopedActor person, String alias) {
		return person.scope().whereAny(alias + ".provider_party_id", alias + ".customer_unit_ids");
	}
}
