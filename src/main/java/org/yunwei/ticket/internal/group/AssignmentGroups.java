package org.yunwei.ticket.internal.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/** The {@code ticket_group} and {@code ticket_group_member} tables. */
@Repository
public class AssignmentGroups {

	private final JdbcClient jdbc;

	AssignmentGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<AssignmentGroup> find(long id) {
		return load("where g.id = ?", List.of(id)).stream().findFirst();
	}

	/** The group whose code this is, case ignored. */
	public Optional<AssignmentGroup> findByCode(String code) {
		return load("where lower(g.code) = lower(?)", List.of(code)).stream().findFirst();
	}

	/** Every group, enabled or not. */
	public List<AssignmentGroup> all() {
		return load("", List.of());
	}

	/** The groups a person sees: every group for management and supervision, their own party's otherwise. */
	public List<AssignmentGroup> visibleTo(DataScope scope) {
		return switch (scope.partyKind()) {
			case MANAGEMENT, SUPERVISION -> all();
			case PROVIDER, CUSTOMER -> load("where g.party_id = ?", List.of(scope.partyId()));
		};
	}

	/** The ids of the groups a user belongs to. */
	public List<Long> groupsOf(long userId) {
		return jdbc.sql("select group_id from ticket_group_member where user_id = ? order by group_id")
			.param(userId)
			.query(Long.class)
			.list();
	}

	long insert(String code, String name, long partyId, Long leadUserId, Long escalationGroupId) {
		return jdbc.sql("""
				insert into ticket_group (code, name, party_id, lead_user_id, escalation_group_id)
				values (?, ?, ?, ?, ?) returning id""")
			.params(code, name, partyId, leadUserId, escalationGroupId)
			.query(Long.class)
			.single();
	}

	void update(long id, String code, String name, Long leadUserId, Long escalationGroupId, boolean enabled) {
		jdbc.sql("""
				update ticket_group set code = ?, name = ?, lead_user_id = ?, escalation_group_id = ?, enabled = ?
				where id = ?""")
			.params(code, name, leadUserId, escalationGroupId, enabled, id)
			.update();
	}

	void replaceMembers(long id, Collection<Long> userIds) {
		jdbc.sql("delete from ticket_group_member where group_id = ?").param(id).update();
		for (long userId : userIds) {
			jdbc.sql("insert into ticket_group_member (group_id, user_id) values (?, ?)").params(id, userId).update();
		}
	}

	/** The person leaves the group, as member and as its lead. */
	void removePerson(long id, long userId) {
		jdbc.sql("delete from ticket_group_member where group_id = ? and user_id = ?").params(id, userId).update();
		jdbc.sql("update ticket_group set lead_user_id = null where id = ? and lead_user_id = ?").params(id, userId)
			.update();
	}

	boolean codeTaken(String code, Long exceptId) {
		return jdbc.sql("select exists (select 1 from ticket_group where lower(code) = lower(?) and id <> coalesce(?, -1))")
			.params(code, exceptId)
			.query(Boolean.class)
			.single();
	}

	private List<AssignmentGroup> load(String where, List<Object> params) {
		Map<Long, AssignmentGroup> groups = new LinkedHashMap<>();
		Map<Long, List<Long>> members = new LinkedHashMap<>();
		jdbc.sql("""
				select g.id, g.code, g.name, g.party_id, g.lead_user_id, g.escalation_group_id, g.enabled, m.user_id
				from ticket_group g left join ticket_group_member m on m.group_id = g.id""" + " " + where
				+ " order by g.code, g.id, m.user_id")
			.params(params)
			.query(rs -> {
				long id = rs.getLong("id");
				groups.computeIfAbsent(id, k -> {
					try {
						return new AssignmentGroup(id, rs.getString("code"), rs.getString("name"),
								rs.getLong("party_id"), (Long) rs.getObject("lead_user_id"),
								(Long) rs.getObject("escalation_group_id"), rs.getBoolean("enabled"), List.of());
					}
					catch (java.sql.SQLException e) {
						throw new IllegalStateException(e);
					}
				});
				Object member = rs.getObject("user_id");
				List<Long> list = members.computeIfAbsent(id, k -> new ArrayList<>());
				if (member != null) {
					list.add((Long) member);
				}
			});
		return groups.values().stream()
			.map(g -> new AssignmentGroup(g.id(), g.code(), g.name(), g.partyId(), g.leadUserId(),
					g.escalationGroupId(), g.enabled(), members.getOrDefault(g.id(), List.of())))
			.toList();
	}
}
