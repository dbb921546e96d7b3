package org.yunwei.release.internal;

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
	ScopedActor reader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.RELEASE_READ) && actor.partyKind() != PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new ScopedActor(actor, actors.scopeOf(actor));
	}

	/** The signed-in person about to keep releases; 403 without RELEASE_MANAGE or for a read-only scope. */
	ScopedActor writer() {
		Actor actor = actors.current();
		if (!actor.can(Permission.RELEASE_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return new ScopedActor(actor, actors.writableScope());
	}

	/** Whether the signed-in person may keep releases at all (for buttons on pages). */
	boolean mayManage() {
		return actors.find()
			.filter(a -> a.can(Permission.RELEASE_MANAGE) && a.partyKind() != PartyKind.SUPERVISION
					&& a.partyKind() != PartyKind.CUSTOMER)
			.isPresent();
	}

	/**
	 * Which releases the person sees: a release is placed by its provider party and its customer units
	 * ({@link org.yunwei.identity.DataScope#includesAny}).
	 */
	static Predicate<Release> visibleTo(ScopedActor person) {
		return release -> person.scope().includesAny(release.providerPartyId(), release.customerUnitIds());
	}

	/** The SQL condition of {@link #visibleTo} over a release alias, with its positional parameters. */
	static DataScope.Condition where(ScopedActor person, String alias) {
		return person.scope().whereAny(alias + ".provider_party_id", alias + ".customer_unit_ids");
	}
}
