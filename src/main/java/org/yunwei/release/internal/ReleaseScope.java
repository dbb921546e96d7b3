package org.yunwei.release.internal;

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
 * Who may see and keep which releases (docs/security.md, "Releases"), as for changes. A release is placed by the
 * provider that planned it and by the customer units of the items in its scope:
 * <ul>
 * <li>management and supervision see every release (supervision only reads);</li>
 * <li>a provider sees and keeps the releases its people planned;</li>
 * <li>a customer sees, reading only, the releases that reach its unit or the units below it.</li>
 * </ul>
 * Reading needs {@link Permission#RELEASE_READ} (a customer reads by its party); keeping needs
 * {@link Permission#RELEASE_MANAGE}. A release outside the scope is 404.
 */
@Component
class ReleaseScope {

	private final Actors actors;

	ReleaseScope(Actors actors) {
		this.actors = actors;
	}

	/** The signed-in reader; 403 for someone who may not read releases. */
	View reader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.RELEASE_READ) && actor.partyKind() != PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new View(actor, actors.scopeOf(actor));
	}

	/** The signed-in person about to keep releases; 403 without RELEASE_MANAGE or for a read-only scope. */
	View writer() {
		Actor actor = actors.current();
		if (!actor.can(Permission.RELEASE_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new View(actor, actors.writableScope());
	}

	/** Whether the signed-in person may keep releases at all (for buttons on pages). */
	boolean mayManage() {
		return actors.find()
			.filter(a -> a.can(Permission.RELEASE_MANAGE) && a.partyKind() != PartyKind.SUPERVISION
					&& a.partyKind() != PartyKind.CUSTOMER)
			.isPresent();
	}

	/** One person's view of releases. */
	record View(Actor actor, DataScope scope) {

		/** The provider party a release planned by this person belongs to; {@code null} for management. */
		Long providerPartyId() {
			return actor.partyKind() == PartyKind.PROVIDER ? actor.partyId() : null;
		}

		boolean includes(Release release) {
			return switch (actor.partyKind()) {
				case MANAGEMENT, SUPERVISION -> true;
				case PROVIDER -> release.providerPartyId() != null && release.providerPartyId() == actor.partyId();
				case CUSTOMER -> release.customerUnitIds().stream().anyMatch(scope.orgUnitIds()::contains);
			};
		}

		/** A SQL condition over a release alias with its positional parameters. */
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
