package org.yunwei.catalog.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who reads the catalogue, and so how much of it they see (docs/security.md, "Access model"). The right: a customer's
 * people (the party itself gives it: they order from it), and elsewhere whoever keeps the catalogue or the agreements
 * built on it or works to them (CATALOG_MANAGE, SLA_MANAGE, SLA_REPORT, TICKET_WORK, TICKET_ADMIN, TICKET_REPORT);
 * administrators, integration accounts and people without such a role are refused (403). The scope: management and
 * supervision read the whole catalogue; a provider the services its own units provide; a customer only the enabled
 * services that their own unit may order, that is, services naming their unit or a unit above it (a department's
 * order right covers its sub-units).
 */
@Component
class Audience {

	private static final Set<Permission> READERS = EnumSet.of(Permission.CATALOG_MANAGE, Permission.SLA_MANAGE,
			Permission.SLA_REPORT, Permission.TICKET_WORK, Permission.TICKET_ADMIN, Permission.TICKET_REPORT);

	private final Actors actors;
	private final Organisations organisations;

	Audience(Actors actors, Organisations organisations) {
		this.actors = actors;
		this.organisations = organisations;
	}

	/** The signed-in reader. @throws RejectedRequest 403 for a person who may not read the catalogue at all */
	Reader current() {
		Actor actor = actors.current();
		if (actor.partyKind() == PartyKind.CUSTOMER) {
			return new Reader(false, organisations.find(actor.orgUnitId()).map(OrganisationUnit::ancestorIds)
				.orElse(List.of()), null);
		}
		if (READERS.stream().noneMatch(actor::can)) {
			throw RejectedRequest.forbidden("catalog.no-access");
		}
		if (actor.partyKind() == PartyKind.PROVIDER) {
			return new Reader(true, List.of(), organisations.ofPartyKind(PartyKind.PROVIDER).stream()
				.filter(unit -> unit.partyId() == actor.partyId())
				.map(OrganisationUnit::id)
				.toList());
		}
		return new Reader(true, List.of(), null);
	}

	/**
	 * @param wholeCatalogue whether the reader is of the service side: every category, disabled services too, a
	 *        service's every customer unit
	 * @param orderingUnitIds for a customer, their unit and every unit above it; empty otherwise
	 * @param providingUnitIds for a provider, its own units, whose services alone it reads; null for management and
	 *        supervision, who read every provider's
	 */
	record Reader(boolean wholeCatalogue, List<Long> orderingUnitIds, List<Long> providingUnitIds) {

		/** Whether the reader sees only some providers' services (a provider its own), so trees are pruned. */
		boolean limitedToOwnServices() {
			return providingUnitIds != null;
		}

		/** Whether a service of this state, provider and these customer units is visible. */
		boolean sees(boolean enabled, long providerOrgUnitId, List<Long> customerUnitIds) {
			if (wholeCatalogue) {
				return providingUnitIds == null || providingUnitIds.contains(providerOrgUnitId);
			}
			return enabled && customerUnitIds.stream().anyMatch(orderingUnitIds::contains);
		}

		/**
		 * A SQL condition on the services aliased {@code s}; its one parameter is {@link #parameter()}. The whole
		 * catalogue's condition takes a (null) parameter too, so that callers bind the same way for everyone.
		 */
		String condition() {
			if (wholeCatalogue) {
				return providingUnitIds == null ? "cast(? as text) is null"
						: "s.provider_org_unit_id = any(cast(? as bigint[]))";
			}
			return """
					s.enabled and exists (select 1 from catalog_service_customer sc where sc.service_id = s.id
					and sc.org_unit_id = any(cast(? as bigint[])))""";
		}

		/** The units as one array literal: JdbcClient would spread a Java array over several placeholders. */
		String parameter() {
			List<Long> units = wholeCatalogue ? providingUnitIds : orderingUnitIds;
			return units == null ? null : units.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		}
	}
}
