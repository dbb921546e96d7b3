package org.yunwei.ticket.internal.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.ticket.internal.record.TicketRecords;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code alert_route} table. */
@Repository
class AlertRoutes {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<TreeMap<String, String>> MATCHERS = new TypeReference<>() {
	};
	private static final String SELECT = """
			select id, account_user_id, name, position, matchers::text as matchers, customer_org_unit_id, service_id,
			  group_id, auto_resolve, enabled, updated_at from alert_route""";
	private static final RowMapper<AlertRoute> ROUTE = AlertRoutes::route;

	private final JdbcClient jdbc;

	AlertRoutes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AlertRoute> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ROUTE).optional();
	}

	/** An account's routes in the order they are tried: by position, the default route last. */
	List<AlertRoute> ofAccount(long accountUserId) {
		return jdbc.sql(SELECT + " where account_user_id = ? order by matchers = '{}'::jsonb, position, id")
			.param(accountUserId)
			.query(ROUTE)
			.list();
	}

	List<AlertRoute> all() {
		return jdbc.sql(SELECT + " order by account_user_id, matchers = '{}'::jsonb, position, id").query(ROUTE).list();
	}

	/** The account's default route other than {@code exceptId}, if it has one. */
	boolean hasDefault(long accountUserId, Long exceptId) {
		return jdbc.sql("""
				select exists (select 1 from alert_route where account_user_id = ? and matchers = '{}'::jsonb
				  and id <> coalesce(?, -1))""")
			.params(accountUserId, exceptId)
			.query(Boolean.class)
			.single();
	}

	long insert(AlertRoute r) {
		return jdbc.sql("""
				insert into alert_route (account_user_id, name, position, matchers, customer_org_unit_id, service_id,
				  group_id, auto_resolve, enabled) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
			.params(r.accountUserId(), r.name(), r.position(), JSON.writeValueAsString(r.matchers()),
					r.customerOrgUnitId(), r.serviceId(), r.groupId(), r.autoResolve(), r.enabled())
			.query(Long.class)
			.single();
	}

	void update(AlertRoute r) {
		jdbc.sql("""
				update alert_route set account_user_id = ?, name = ?, position = ?, matchers = cast(? as jsonb),
				  customer_org_unit_id = ?, service_id = ?, group_id = ?, auto_resolve = ?, enabled = ?,
				  updated_at = now() where id = ?""")
			.params(r.accountUserId(), r.name(), r.position(), JSON.writeValueAsString(r.matchers()),
					r.customerOrgUnitId(), r.serviceId(), r.groupId(), r.autoResolve(), r.enabled(), r.id())
			.update();
	}

	void delete(long id) {
		jdbc.sql("delete from alert_route where id = ?").param(id).update();
	}

	private static AlertRoute route(ResultSet rs, int n) throws SQLException {
		Map<String, String> matchers = JSON.readValue(rs.getString("matchers"), MATCHERS);
		return new AlertRoute(rs.getLong("id"), rs.getLong("account_user_id"), rs.getString("name"),
				rs.getInt("position"), matchers, rs.getLong("customer_org_unit_id"),
				(Long) rs.getObject("service_id"), (Long) rs.getObject("group_id"), rs.getBoolean("auto_resolve"),
				rs.getBoolean("enabled"), TicketRecords.instant(rs, "updated_at"));
	}
}
