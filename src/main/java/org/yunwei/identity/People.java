package org.yunwei.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunwei.identity.internal.DirectoryPhones;

/**
 * Looks up users for other modules, which keep only their ids: an assignee, a group lead, the people to notify. No
 * scope is applied here; a module applies {@link Actors#scope()} to its own records.
 */
@Service
public class People {

	private static final String SELECT = """
			select u.id, u.username, u.display_name, u.email, u.phone, u.phone_sealed, u.org_unit_id, p.id as party_id, p.kind,
			       u.enabled and o.enabled and p.enabled as enabled
			from app_user u join org_unit o on o.id = u.org_unit_id join party p on p.id = o.party_id""";

	private final RowMapper<Person> person;

	private final JdbcClient jdbc;

	/** The phone number is opened from its sealed column; one that does not open with this key reads as none. */
	People(JdbcClient jdbc, DirectoryPhones phones) {
		this.jdbc = jdbc;
		this.person = (rs, n) -> new Person(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"),
				phones.open(rs.getBytes("phone_sealed"), rs.getString("phone"), rs.getLong("id")).number(),
				rs.getLong("org_unit_id"), rs.getLong("party_id"), PartyKind.valueOf(rs.getString("kind")),
				rs.getBoolean("enabled"));
	}

	public Optional<Person> find(long userId) {
		return jdbc.sql(SELECT + " where u.id = ?").param(userId).query(person).optional();
	}

	/** The users of the given ids that exist, by id. */
	public List<Person> findAll(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where u.id = any(cast(? as bigint[])) order by u.id")
			.param(userIds.stream().distinct().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query(person)
			.list();
	}

	/** The enabled user whose e-mail address this is (case ignored); empty when none or several have it. */
	public Optional<Person> findByEmail(String email) {
		List<Person> found = jdbc.sql(SELECT + " where lower(u.email) = lower(?) and u.enabled limit 2")
			.param(email)
			.query(person)
			.list();
		return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
	}

	/**
	 * The enabled users of a party who hold a permission through one of their roles, by id: e.g. the service desk
	 * managers of a provider that an escalation tells.
	 */
	public List<Person> holding(Permission permission, long partyId) {
		return jdbc.sql(SELECT + """
				 where p.id = ? and u.enabled and exists (select 1 from user_role ur
				   join role_permission rp on rp.role_id = ur.role_id
				   where ur.user_id = u.id and rp.permission = ?)
				order by u.id""")
			.params(partyId, permission.name())
			.query(person)
			.list();
	}

	/**
	 * The enabled users of these organisation units, by display name, at most {@code limit}: e.g. the reporters a
	 * ticket for a unit (and the units below it) may name.
	 */
	public List<Person> ofUnits(Collection<Long> orgUnitIds, int limit) {
		if (orgUnitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				 where o.id = any(cast(? as bigint[])) and u.enabled and o.enabled
				order by u.display_name, u.id limit ?""")
			.params(orgUnitIds.stream().distinct().map(String::valueOf).collect(Collectors.joining(",", "{", "}")),
					limit)
			.query(person)
			.list();
	}

	/**
	 * The enabled users of a party, by display name, at most {@code limit}: e.g. the people a form offers as the
	 * members of a team or the reporter of a ticket.
	 */
	public List<Person> ofParty(long partyId, int limit) {
		return jdbc.sql(SELECT + " where p.id = ? and u.enabled and o.enabled order by u.display_name, u.id limit ?")
			.params(partyId, limit)
			.query(person)
			.list();
	}
}
