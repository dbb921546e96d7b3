package org.yunwei.change.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
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
	View reader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CHANGE_READ) && actor.partyKind() != PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new View(actor, actors.scopeOf(actor));
	}

	/** Whether the signed-in person may read changes at all (for other modules' pages). */
	boolean mayRead() {
		return actors.find().filter(a -> a.can(Permission.CHANGE_READ) || a.partyKind() == PartyKind.CUSTOMER)
			.isPresent();
	}

	/** The signed-in person about to keep changes; 403 without CHANGE_MANAGE or for a read-only scope. */
	View writer() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CHANGE_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new View(actor, actors.writableScope());
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

	/** One person's view of changes. */
	record View(Actor actor, DataScope scope) {

		/** The provider party a change raised by this person belongs to; {@code null} for management. */
		Long providerPartyId() {
			return actor.partyKind() == PartyKind.PROVIDER ? actor.partyId() : null;
		}

		boolean includes(ChangeRequest change) {
			return switch (actor.partyKind()) {
				case MANAGEMENT, SUPERVISION -> true;
				case PROVIDER -> change.providerPartyId() != null && change.providerPartyId() == actor.partyId();
				case CUSTOMER -> change.customerUnitIds().stream().anyMatch(scope.orgUnitIds()::contains);
			};
		}

		/** A SQL condition over a change alias with its positional parameters. */
		Condition where(String alias) {
			return switch (actor.partyKind()) {
				case MANAGEMENT, SUPERVISION -> new Condition("true", List.of());
				case PROVIDER -> new Condition(alias + ".provider_party_id = ?", List.of(actor.partyId()));
				case CUSTOMER -> new Condition(alias + ".customer_unit_ids && cast(? as bigint[])",
						List.of(units(scope.orgUnitIds())));
			};
		}

		private static String units(Set<Long> ids) {
			return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		}
	}

	record Condition(String sql, List<Object> parameters) {
	}
}
