package org.yunwei.personnel.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;
import org.yunwei.personnel.StaffRoster.StaffSummary;

/**
 * The one writer of {@code staff_member}. Text lists travel as one text joined by the unit separator (a control
 * character no input may hold), because JdbcClient would spread a Java array over several placeholders.
 */
@Repository
public class StaffRecords {

	private static final String SEPARATOR = "\u001f";
	private static final String COLUMNS = """
			s.id, s.user_id, s.party_id, s.org_unit_id, s.post_id, s.joined_on, s.skills, s.xinchuang_products,
			s.clearance, s.clearance_until, s.phone_sealed, s.id_number_sealed, s.created_at, s.updated_at""";

	private static final RowMapper<StaffMember> ROW = (rs, n) -> new StaffMember(rs.getLong("id"),
			rs.getLong("user_id"), rs.getLong("party_id"), rs.getLong("org_unit_id"),
			new StaffContent((Long) rs.getObject("post_id"), rs.getObject("joined_on", LocalDate.class),
					texts(rs.getArray("skills")), texts(rs.getArray("xinchuang_products")),
					Clearance.valueOf(rs.getString("clearance")), rs.getObject("clearance_until", LocalDate.class),
					null, null),
			rs.getBytes("phone_sealed"), rs.getBytes("id_number_sealed"),
			rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

	private final JdbcClient jdbc;

	StaffRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, long partyId, long orgUnitId, StaffContent content, byte[] phone, byte[] idNumber) {
		return jdbc.sql("""
				insert into staff_member (user_id, party_id, org_unit_id, post_id, joined_on, skills, xinchuang_products,
				  clearance, clearance_until, phone_sealed, id_number_sealed)
				values (?, ?, ?, ?, ?, string_to_array(?, ?), string_to_array(?, ?), ?, ?, ?, ?)
				on conflict (user_id) do nothing returning id""")
			.params(userId, partyId, orgUnitId, content.postId(), content.joinedOn(),
					String.join(SEPARATOR, content.skills()), SEPARATOR,
					String.join(SEPARATOR, content.xinchuangProducts()), SEPARATOR, content.clearance().name(),
					content.clearanceUntil(), phone, idNumber)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	void update(long id, long orgUnitId, StaffContent content, byte[] phone, byte[] idNumber) {
		jdbc.sql("""
				update staff_member set org_unit_id = ?, post_id = ?, joined_on = ?, skills = string_to_array(?, ?),
				  xinchuang_products = string_to_array(?, ?), clearance = ?, clearance_until = ?, phone_sealed = ?,
				  id_number_sealed = ?, updated_at = now()
				where id = ?""")
			.params(orgUnitId, content.postId(), content.joinedOn(), String.join(SEPARATOR, content.skills()),
					SEPARATOR, String.join(SEPARATOR, content.xinchuangProducts()), SEPARATOR,
					content.clearance().name(), content.clearanceUntil(), phone, idNumber, id)
			.update();
	}

	Optional<StaffMember> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from staff_member s where s.id = ?").param(id).query(ROW).optional();
	}

	Optional<StaffMember> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from staff_member s where s.id = ? for update")
			.param(id)
			.query(ROW)
			.optional();
	}

	Optional<StaffMember> findByUser(long userId) {
		return jdbc.sql("select " + COLUMNS + " from staff_member s where s.user_id = ?")
			.param(userId)
			.query(ROW)
			.optional();
	}

	/** The records of the given ids that exist. */
	List<StaffMember> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from staff_member s where s.id = any(cast(? as bigint[])) order by s.id")
			.param(ids.stream().distinct().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query(ROW)
			.list();
	}

	/** The records of a party, by id, at most {@code limit}. */
	List<StaffMember> ofParty(long partyId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from staff_member s where s.party_id = ? order by s.id limit ?")
			.params(partyId, limit)
			.query(ROW)
			.list();
	}

	/** The ids of the people who have a record, of those given. */
	List<Long> recorded(List<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select user_id from staff_member where user_id = any(cast(? as bigint[]))")
			.param(userIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query(Long.class)
			.list();
	}

	/**
	 * One keyset page of the records in a scope, by id, with the number of certificates and of those expired on
	 * {@code today}: {@code limit + 1} rows, the extra one telling that more exist.
	 */
	List<StaffLineRow> page(DataScope scope, Long partyId, long afterId, int limit, LocalDate today) {
		DataScope.Condition where = scope.where("s.party_id", "s.org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(today);
		params.addAll(where.parameters());
		params.add(afterId);
		String party = "";
		if (partyId != null) {
			party = " and s.party_id = ?";
			params.add(partyId);
		}
		params.add(limit + 1);
		return jdbc.sql("select " + COLUMNS + """
				, (select count(*) from staff_certificate c where c.staff_id = s.id) as certificates,
				  (select count(*) from staff_certificate c where c.staff_id = s.id and c.expires_on < ?) as expired
				from staff_member s where """ + " " + where.sql() + " and s.id > ?" + party + " order by s.id limit ?")
			.params(params)
			.query((rs, n) -> new StaffLineRow(ROW.mapRow(rs, n), rs.getLong("certificates"), rs.getLong("expired")))
			.list();
	}

	/** A record with its certificate counts. */
	record StaffLineRow(StaffMember member, long certificates, long expired) {
	}

	public Optional<StaffSummary> summaryOf(long userId, LocalDate on) {
		return findByUser(userId).map(m -> new StaffSummary(m.id(), m.userId(), m.partyId(), m.content().postId(),
				m.content().joinedOn(), m.content().skills(), m.content().xinchuangProducts(),
				jdbc.sql("""
						select name from staff_certificate where staff_id = ? and (expires_on is null or expires_on >= ?)
						order by name""").params(m.id(), on).query(String.class).list(), on));
	}

	private static List<String> texts(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
