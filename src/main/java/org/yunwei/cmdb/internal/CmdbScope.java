package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may see and change which configuration items (docs/security.md, "Configuration items"). An item is placed by
 * the customer unit it serves and, optionally, the provider that maintains it:
 * <ul>
 * <li>management and supervision see every item (supervision only reads);</li>
 * <li>a provider sees the items of the customer units it serves — the units that may order one of its enabled
 * catalogue services, and the units below them, as the service desk decides — and the items it maintains;</li>
 * <li>a customer sees the items of its own unit and the units below it, reading only.</li>
 * </ul>
 * Reading needs {@link Permission#CMDB_READ} (a customer reads by its party); changing needs
 * {@link Permission#CMDB_MANAGE}; defining classes is management's.
 */
@Component
class CmdbScope {

	private final Actors actors;
	private final Organisations organisations;
	private final ServiceCatalog catalog;

	CmdbScope(Actors actors, Organisations organisations, ServiceCatalog catalog) {
		this.actors = actors;
		this.organisations = organisations;
		this.catalog = catalog;
	}

	/** The signed-in reader's view; 403 for someone who may not read the CMDB. */
	View reader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CMDB_READ) && actor.partyKind() != PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return view(actor);
	}

	/** The signed-in person's view, who is about to change items; 403 without CMDB_MANAGE or for supervision. */
	View writer() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CMDB_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		actors.writableScope();
		return view(actor);
	}

	/** Refuses (403) anyone but management's holders of CMDB_MANAGE: classes are defined once for everyone. */
	Actor classAdministrator() {
		Actor actor = actors.current();
		if (!actor.can(Permission.CMDB_MANAGE) || actor.partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return actor;
	}

	/** Whether the signed-in person may change items at all (for buttons on pages). */
	boolean mayManage() {
		return actors.find().filter(a -> a.can(Permission.CMDB_MANAGE) && a.partyKind() != PartyKind.SUPERVISION)
			.isPresent();
	}

	boolean mayDefineClasses() {
		return actors.find().filter(a -> a.can(Permission.CMDB_MANAGE) && a.partyKind() == PartyKind.MANAGEMENT)
			.isPresent();
	}

	private View view(Actor actor) {
		return switch (actor.partyKind()) {
			case MANAGEMENT, SUPERVISION -> new View(actor, true, Set.of());
			case PROVIDER -> new View(actor, false, servedBy(actor.partyId()));
			case CUSTOMER -> new View(actor, false, organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
				.filter(u -> u.within(actor.orgUnitId())).map(OrganisationUnit::id).collect(Collectors.toSet()));
		};
	}

	/** The customer units a provider party serves, with the units below them. */
	Set<Long> servedBy(long providerPartyId) {
		Set<Long> customers = catalog.customersOf(organisations.ofPartyKind(PartyKind.PROVIDER).stream()
			.filter(u -> u.partyId() == providerPartyId).map(OrganisationUnit::id).toList());
		return organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
			.filter(u -> u.ancestorIds().stream().anyMatch(customers::contains))
			.map(OrganisationUnit::id)
			.collect(Collectors.toSet());
	}

	/**
	 * What one person sees.
	 *
	 * @param everything management and supervision
	 * @param unitIds the customer units whose items are seen (a provider's served units, a customer's subtree)
	 */
	record View(Actor actor, boolean everything, Set<Long> unitIds) {

		View {
			unitIds = Set.copyOf(unitIds);
		}

		boolean provider() {
			return actor.partyKind() == PartyKind.PROVIDER;
		}

		/** Whether an item of this customer unit and maintaining provider is seen. */
		boolean includes(Long customerUnitId, Long providerPartyId) {
			return everything || customerUnitId != null && unitIds.contains(customerUnitId)
					|| provider() && providerPartyId != null && providerPartyId == actor.partyId();
		}

		/** A SQL condition over an item alias ({@code i}) with its positional parameters. */
		Condition where(String alias) {
			if (everything) {
				return new Condition("true", List.of());
			}
			String units = unitIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
			List<Object> parameters = new ArrayList<>(List.of(units));
			String sql = alias + ".customer_unit_id = any(cast(? as bigint[]))";
			if (provider()) {
				sql = "(" + sql + " or " + alias + ".provider_party_id = ?)";
				parameters.add(actor.partyId());
			}
			return new Condition(sql, parameters);
		}
	}

	record Condition(String sql, List<Object> parameters) {
	}
}
