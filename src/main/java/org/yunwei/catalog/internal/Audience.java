package org.yunwei.catalog.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;

/**
 * Who reads the catalogue, and so how much of it they see: management, supervision and providers the whole catalogue;
 * a customer only the enabled services that their own unit may order, that is, services naming their unit or a unit
 * above it (a department's order right covers its sub-units).
 */
@Component
class Audience {

	private final Actors actors;
	private final Organisations organisations;

	Audience(Actors actors, Organisations organisations) {
		this.actors = actors;
		this.organisations = organisations;
	}

	Reader current() {
		Actor actor = actors.current();
		if (actor.partyKind() != PartyKind.CUSTOMER) {
			return new Reader(true, List.of());
		}
		return new Reader(false, organisations.find(actor.orgUnitId()).map(OrganisationUnit::ancestorIds)
			.orElse(List.of()));
	}

	/**
	 * @param orderingUnitIds for a customer, their unit and every unit above it; empty otherwise
	 */
	record Reader(boolean wholeCatalogue, List<Long> orderingUnitIds) {

		/** Whether a service of this state and these customer units is visible. */
		boolean sees(boolean enabled, List<Long> customerUnitIds) {
			return wholeCatalogue || enabled && customerUnitIds.stream().anyMatch(orderingUnitIds::contains);
		}

		/**
		 * A SQL condition on the services aliased {@code s}; its one parameter is {@link #parameter()}. The whole
		 * catalogue's condition takes a (null) parameter too, so that callers bind the same way for everyone.
		 */
		String condition() {
			return wholeCatalogue ? "cast(? as text) is null" : """
					s.enabled and exists (select 1 from catalog_service_customer sc where sc.service_id = s.id
					and sc.org_unit_id = any(cast(? as bigint[])))""";
		}

		/** The ordering units as one array literal: JdbcClient would spread a Java array over several placeholders. */
		String parameter() {
			return wholeCatalogue ? null
					: orderingUnitIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		}
	}
}
