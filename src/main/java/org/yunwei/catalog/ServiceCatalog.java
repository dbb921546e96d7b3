package org.yunwei.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;

/**
 * What other modules may ask of the service catalogue: tickets check that a customer may order the service they
 * name, SLAs attach their targets to a service. No scope is applied here: the caller decides what its own records
 * show.
 */
@Service
public class ServiceCatalog {

	private final JdbcClient jdbc;
	private final Organisations organisations;

	ServiceCatalog(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	/** The service of this id, enabled or not; empty when there is none. */
	public Optional<CatalogService> find(long serviceId) {
		return jdbc.sql("""
				select id, code, name, category_id, provider_org_unit_id, enabled from catalog_service where id = ?""")
			.param(serviceId)
			.query(CatalogService.class)
			.optional();
	}

	/**
	 * The enabled services by code, for a form to choose from (e.g. the services an SLA covers); at most
	 * {@code limit}.
	 */
	public List<CatalogService> enabled(int limit) {
		return jdbc.sql("""
				select id, code, name, category_id, provider_org_unit_id, enabled from catalog_service
				where enabled order by code limit ?""")
			.param(limit)
			.query(CatalogService.class)
			.list();
	}

	/**
	 * Whether a person of this organisation unit may order the service now: the service is enabled and names the unit
	 * or a unit above it among its customers. {@code false} for an unknown service or unit.
	 */
	public boolean orderableBy(long serviceId, long orgUnitId) {
		List<Long> orderingUnits = organisations.find(orgUnitId).map(OrganisationUnit::ancestorIds).orElse(List.of());
		if (orderingUnits.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from catalog_service s join catalog_service_customer c on c.service_id = s.id
				where s.id = ? and s.enabled and c.org_unit_id = any(cast(? as bigint[])))""")
			.params(serviceId, orderingUnits.stream().map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The enabled services a person of this organisation unit may order (the unit or a unit above it is among their
	 * customers), by name: the portal's "submit a request" list. At most {@code limit}.
	 */
	public List<CatalogService> orderableBy(long orgUnitId, int limit) {
		List<Long> orderingUnits = organisations.find(orgUnitId).map(OrganisationUnit::ancestorIds).orElse(List.of());
		if (orderingUnits.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select s.id, s.code, s.name, s.category_id, s.provider_org_unit_id, s.enabled from catalog_service s
				where s.enabled and exists (select 1 from catalog_service_customer c
				  where c.service_id = s.id and c.org_unit_id = any(cast(? as bigint[])))
				order by s.name, s.id limit ?""")
			.params(orderingUnits.stream().map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(",", "{", "}")), limit)
			.query(CatalogService.class)
			.list();
	}
}
