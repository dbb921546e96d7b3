package org.yunwei.ticket.internal.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.Priority;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.TicketRecords;

/** The {@code ticket_routing_rule} table. */
@Repository
class RoutingRules {

	private static final String SELECT = """
			select id, provider_party_id, name, position, service_id, category, customer_org_unit_id, channel, priority,
			  group_id, assignment, unassigned_escalation_percent, enabled, updated_at from ticket_routing_rule""";
	private static final String DEFAULT = """
			service_id is null and category is null and customer_org_unit_id is null and channel is null
			  and priority is null""";
	/** In the order they are tried: by position, the default last. */
	private static final String TRIED = " order by provider_party_id, (" + DEFAULT + "), position, id";
	private static final RowMapper<RoutingRule> RULE = RoutingRules::rule;

	private final JdbcClient jdbc;

	RoutingRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RoutingRule> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(RULE).optional();
	}

	/** A provider's rules in the order they are tried. */
	List<RoutingRule> ofProvider(long providerPartyId) {
		return jdbc.sql(SELECT + " where provider_party_id = ?" + TRIED).param(providerPartyId).query(RULE).list();
	}

	List<RoutingRule> all() {
		return jdbc.sql(SELECT + TRIED).query(RULE).list();
	}

	/** Whether the provider has a default rule other than {@code exceptId}. */
	boolean hasDefault(long providerPartyId, Long exceptId) {
		return jdbc.sql("select exists (select 1 from ticket_routing_rule where provider_party_id = ? and " + DEFAULT
				+ " and id <> coalesce(?, -1))")
			.params(providerPartyId, exceptId)
			.query(Boolean.class)
			.single();
	}

	/** Whether the provider has a rule with conditions other than {@code exceptId}. */
	boolean hasConditional(long providerPartyId, Long exceptId) {
		return jdbc.sql("select exists (select 1 from ticket_routing_rule where provider_party_id = ? and not ("
				+ DEFAULT + ") and id <> coalesce(?, -1))")
			.params(providerPartyId, exceptId)
			.query(Boolean.class)
			.single();
	}

	long insert(RoutingRule r) {
		return jdbc.sql("""
				insert into ticket_routing_rule (provider_party_id, name, position, service_id, category,
				  customer_org_unit_id, channel, priority, group_id, assignment, unassigned_escalation_percent, enabled)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(r.providerPartyId(), r.name(), r.position(), r.serviceId(), r.category(), r.customerOrgUnitId(),
					name(r.channel()), name(r.priority()), r.groupId(), r.assignment().name(),
					r.unassignedEscalationPercent(), r.enabled())
			.query(Long.class)
			.single();
	}

	void update(RoutingRule r) {
		jdbc.sql("""
				update ticket_routing_rule set provider_party_id = ?, name = ?, position = ?, service_id = ?,
				  category = ?, customer_org_unit_id = ?, channel = ?, priority = ?, group_id = ?, assignment = ?,
				  unassigned_escalation_percent = ?, enabled = ?, updated_at = now() where id = ?""")
			.params(r.providerPartyId(), r.name(), r.position(), r.serviceId(), r.category(), r.customerOrgUnitId(),
					name(r.channel()), name(r.priority()), r.groupId(), r.assignment().name(),
					r.unassignedEscalationPercent(), r.enabled(), r.id())
			.update();
	}

	void delete(long id) {
		jdbc.sql("delete from ticket_routing_rule where id = ?").param(id).update();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static RoutingRule rule(ResultSet rs, int n) throws SQLException {
		String channel = rs.getString("channel");
		String priority = rs.getString("priority");
		return new RoutingRule(rs.getLong("id"), rs.getLong("provider_party_id"), rs.getString("name"),
				rs.getInt("position"), (Long) rs.getObject("service_id"), rs.getString("category"),
				(Long) rs.getObject("customer_org_unit_id"), channel == null ? null : Channel.valueOf(channel),
				priority == null ? null : Priority.valueOf(priority), rs.getLong("group_id"),
				AutoAssignment.valueOf(rs.getString("assignment")),
				(Integer) rs.getObject("unassigned_escalation_percent"), rs.getBoolean("enabled"),
				TicketRecords.instant(rs, "updated_at"));
	}
}
