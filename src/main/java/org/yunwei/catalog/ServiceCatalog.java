package org.yunwei.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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
	 * The service of this id, enabled or not, with whether a person of this unit may order it now, in one statement:
	 * for a caller that has read the unit already. Empty when there is no such service.
	 */
	public Optional<ServiceOffer> offerTo(long serviceId, OrganisationUnit unit) {
		return jdbc.sql("""
				select s.id, s.code, s.name, s.category_id, s.provider_org_unit_id, s.enabled,
				    s.enabled and exists (select 1 from catalog_service_customer c
				        where c.service_id = s.id and c.org_unit_id = any(cast(? as bigint[]))) as orderable
				from catalog_service s where s.id = ?""")
			.params(new SqlArrayValue("bigint", unit.ancestorIds().toArray()), serviceId)
			.query((rs, n) -> new ServiceOffer(new CatalogService(rs.getLong("id"), rs.getString("code"),
					rs.getString("name"), rs.getLong("category_id"), rs.getLong("provider_org_unit_id"),
					rs.getBoolean("enabled")), rs.getBoolean("orderable")))
			.optional();
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

	/**
	 * The customer units named among the customers of an enabled service that one of these units provides: the units
	 * (with everything below them) that the providing units' party serves. Empty for no providing unit.
	 */
	public Set<Long> customersOf(Collection<Long> providerOrgUnitIds) {
		if (providerOrgUnitIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select distinct c.org_unit_id from catalog_service s join catalog_service_customer c on c.service_id = s.id
				where s.enabled and s.provider_org_unit_id = any(?)""")
			.param(new SqlArrayValue("bigint", providerOrgUnitIds.toArray()))
			.query(Long.class)
			.list());
	}

	/**
	 * Whether one of the ordering units is among the customers of an enabled service that one of the providing units
	 * provides: {@link #customersOf} asked about one unit and those above it, answered without listing every customer.
	 */
	public boolean orderedByAny(Collection<Long> providerOrgUnitIds, Collection<Long> orderingOrgUnitIds) {
		if (providerOrgUnitIds.isEmpty() || orderingOrgUnitIds.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from catalog_service s join catalog_service_customer c on c.service_id = s.id
				    where s.enabled and s.provider_org_unit_id = any(?) and c.org_unit_id = any(?))""")
			.params(new SqlArrayValue("bigint", providerOrgUnitIds.toArray()),
					new SqlArrayValue("bigint", orderingOrgUnitIds.toArray()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Every category, enabled or not, in the order of the tree: each parent before its children, siblings by sort
	 * order and name; for a filter to choose from.
	 */
	public List<CatalogCategory> categories() {
		record Row(long id, Long parentId, String code, String name, String path, boolean enabled) {
		}
		List<Row> rows = jdbc.sql("""
				select id, parent_id, code, name, path, enabled from catalog_category order by sort_order, name, id""")
			.query(Row.class)
			.list();
		Map<Long, List<Row>> children = new LinkedHashMap<>();
		rows.forEach(row -> children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row));
		List<CatalogCategory> ordered = new ArrayList<>();
		// depth first from the top categories; a child whose parent is missing cannot exist (foreign key)
		List<Row> stack = new ArrayList<>(children.getOrDefault(null, List.of()).reversed());
		while (!stack.isEmpty()) {
			Row row = stack.removeLast();
			int depth = (int) row.path().chars().filter(c -> c == '/').count() - 2;
			ordered.add(new CatalogCategory(row.id(), row.parentId(), row.code(), row.name(), Math.max(depth, 0),
					row.enabled()));
			stack.addAll(children.getOrDefault(row.id(), List.of()).reversed());
		}
		return ordered;
	}

	/**
	 * The ids of the services, enabled or not, in this category and every category below it; empty when the
	 * category does not exist. A ticket list filters by a category through them.
	 */
	public Optional<List<Long>> servicesInCategory(long categoryId) {
		Optional<String> path = jdbc.sql("select path from catalog_category where id = ?").param(categoryId)
			.query(String.class)
			.optional();
		return path.map(prefix -> jdbc.sql("""
				select s.id from catalog_service s join catalog_category c on c.id = s.category_id
				where c.path like ? order by s.id""")
			.param(prefix + "%") // ids and slashes only: nothing to escape
			.query(Long.class)
			.list());
	}
}
