package org.yunwei.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The services of the catalogue: {@code catalog_service} with its service objects, indicators and customer units.
 */
@Repository
class Services {

	private static final String SUMMARY = """
			select s.id, s.code, s.name, s.description, s.category_id, c.name as category_name,
			       s.provider_org_unit_id, s.enabled,
			       (select string_agg(o.kind, ',' order by o.kind) from catalog_service_object o
			        where o.service_id = s.id) as objects
			from catalog_service s join catalog_category c on c.id = s.category_id""";

	private final JdbcClient jdbc;

	Services(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("""
				select id, category_id, code, name, description, provider_org_unit_id, enabled, created_at
				from catalog_service where id = ?""").param(id).query(Row.class).optional();
	}

	Optional<ServiceSummary> summary(long id) {
		return jdbc.sql(SUMMARY + " where s.id = ?").param(id).query(Services::summary).optional();
	}

	List<ServiceObjectKind> objects(long serviceId) {
		return jdbc.sql("select kind from catalog_service_object where service_id = ? order by kind")
			.param(serviceId)
			.query((rs, n) -> ServiceObjectKind.valueOf(rs.getString(1)))
			.list();
	}

	List<ServiceDetail.Indicator> indicators(long serviceId) {
		return indicatorsOf(List.of(serviceId)).getOrDefault(serviceId, List.of());
	}

	/** The indicators of several services at once, for a page that shows them all. */
	Map<Long, List<ServiceDetail.Indicator>> indicatorsOf(Collection<Long> serviceIds) {
		if (serviceIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<ServiceDetail.Indicator>> byService = new LinkedHashMap<>();
		jdbc.sql("""
				select service_id, name, target, unit, measurement from catalog_indicator
				where service_id = any(cast(? as bigint[])) order by service_id, position""")
			.param(arrayLiteral(serviceIds))
			.query(rs -> {
				byService.computeIfAbsent(rs.getLong("service_id"), k -> new ArrayList<>())
					.add(new ServiceDetail.Indicator(rs.getString("name"), plain(rs.getBigDecimal("target")),
							rs.getString("unit"), rs.getString("measurement")));
			});
		return byService;
	}

	List<Long> customerUnitIds(long serviceId) {
		return jdbc.sql("select org_unit_id from catalog_service_customer where service_id = ? order by org_unit_id")
			.param(serviceId)
			.query(Long.class)
			.list();
	}

	/**
	 * One keyset page (plus one row that tells whether more exist) of the services a reader sees, filtered and sorted
	 * as asked.
	 */
	List<ServiceSummary> page(ServiceQuery query, Audience.Reader reader) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(SUMMARY).append(" where ").append(reader.condition());
		params.add(reader.parameter());
		if (query.categoryId() != null) {
			sql.append(" and c.path like (select path from catalog_category where id = ?) || '%'");
			params.add(query.categoryId());
		}
		if (query.object() != null) {
			sql.append(" and exists (select 1 from catalog_service_object f where f.service_id = s.id and f.kind = ?)");
			params.add(query.object().name());
		}
		if (query.providerOrgUnitId() != null) {
			sql.append(" and s.provider_org_unit_id = ?");
			params.add(query.providerOrgUnitId());
		}
		if (query.q() != null) {
			String pattern = "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (s.code ilike ? or s.name ilike ?)");
			params.add(pattern);
			params.add(pattern);
		}
		if (query.enabled() != null) {
			sql.append(" and s.enabled = ?");
			params.add(query.enabled());
		}
		String column = query.sort().column;
		if (query.after() != null) {
			sql.append(" and (").append(column).append(", s.id) > (?, ?)");
			params.add(query.after().value());
			params.add(query.after().id());
		}
		sql.append(" order by ").append(column).append(", s.id limit ?");
		params.add(query.limit() + 1);
		return jdbc.sql(sql.toString()).params(params).query(Services::summary).list();
	}

	long insert(long categoryId, String code, String name, String description, long providerOrgUnitId) {
		return jdbc.sql("""
				insert into catalog_service (category_id, code, name, description, provider_org_unit_id)
				values (?, ?, ?, ?, ?) returning id""")
			.params(categoryId, code, name, description, providerOrgUnitId)
			.query(Long.class)
			.single();
	}

	void update(long id, long categoryId, String code, String name, String description, long providerOrgUnitId) {
		jdbc.sql("""
				update catalog_service set category_id = ?, code = ?, name = ?, description = ?,
				provider_org_unit_id = ? where id = ?""")
			.params(categoryId, code, name, description, providerOrgUnitId, id)
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("update catalog_service set enabled = ? where id = ?").params(enabled, id).update();
	}

	/** Replaces the service objects, indicators and customer units of a service with the given ones. */
	void replaceParts(long id, Collection<ServiceObjectKind> objects, List<IndicatorDraft> indicators,
			Collection<Long> customerUnitIds) {
		jdbc.sql("delete from catalog_service_object where service_id = ?").param(id).update();
		jdbc.sql("delete from catalog_indicator where service_id = ?").param(id).update();
		jdbc.sql("delete from catalog_service_customer where service_id = ?").param(id).update();
		for (ServiceObjectKind kind : objects) {
			jdbc.sql("insert into catalog_service_object (service_id, kind) values (?, ?)").params(id, kind.name())
				.update();
		}
		for (int i = 0; i < indicators.size(); i++) {
			IndicatorDraft indicator = indicators.get(i);
			jdbc.sql("""
					insert into catalog_indicator (service_id, position, name, target, unit, measurement)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, i, indicator.name(), indicator.target(), indicator.unit(), indicator.measurement())
				.update();
		}
		for (long unitId : customerUnitIds) {
			jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)").params(id, unitId)
				.update();
		}
	}

	boolean codeTaken(String code, Long exceptId) {
		return jdbc.sql("select count(*) from catalog_service where lower(code) = lower(?) and id <> coalesce(?, -1)")
			.params(code, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	private static String arrayLiteral(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static ServiceSummary summary(ResultSet rs, int n) throws SQLException {
		String objects = rs.getString("objects");
		return new ServiceSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getLong("category_id"), rs.getString("category_name"),
				rs.getLong("provider_org_unit_id"), objects == null ? List.of()
						: Arrays.stream(objects.split(",")).map(ServiceObjectKind::valueOf).toList(),
				rs.getBoolean("enabled"));
	}

	record Row(long id, long categoryId, String code, String name, String description, long providerOrgUnitId,
			boolean enabled, OffsetDateTime createdAt) {
	}

	/** 30 rather than 30.000 or 3E+1: numeric keeps the scale it was given, people read the number. */
	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}
}
