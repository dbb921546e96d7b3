package org.yunwei.identity.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code party} and {@code org_unit} tables: the four parties and their organisation trees. A unit's
 * {@code path} lists the ids from its party's root down to itself, so a subtree is one range scan.
 */
@Repository
public class OrgUnits {

	private final JdbcClient jdbc;

	OrgUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The unit and every unit below it. */
	public Set<Long> subtreeIds(long orgUnitId) {
		return new HashSet<>(jdbc.sql("""
				select d.id from org_unit u join org_unit d on d.path like u.path || '%'
				where u.id = ?""").param(orgUnitId).query(Long.class).list());
	}

	Optional<OrgUnit> find(long id) {
		return jdbc.sql("select id, party_id, parent_id, code, name, path, enabled from org_unit where id = ?")
			.param(id)
			.query(OrgUnit.class)
			.optional();
	}

	List<OrgUnit> ofParty(long partyId) {
		return jdbc.sql("""
				select id, party_id, parent_id, code, name, path, enabled from org_unit where party_id = ?
				order by path""").param(partyId).query(OrgUnit.class).list();
	}

	long insert(long partyId, Long parentId, String code, String name) {
		long id = jdbc.sql("""
				insert into org_unit (party_id, parent_id, code, name, path) values (?, ?, ?, ?, '')
				returning id""").params(partyId, parentId, code, name).query(Long.class).single();
		String parentPath = parentId == null ? "/" : find(parentId).orElseThrow().path();
		jdbc.sql("update org_unit set path = ? where id = ?").params(parentPath + id + "/", id).update();
		return id;
	}

	void update(long id, String name, boolean enabled) {
		jdbc.sql("update org_unit set name = ?, enabled = ? where id = ?").params(name, enabled, id).update();
	}

	/**
	 * Moves a unit under another parent (or to the top of its party), rewriting the paths of the whole subtree in
	 * one statement so that every scope below it follows.
	 */
	void move(long id, Long newParentId) {
		OrgUnit unit = find(id).orElseThrow();
		String parentPath = newParentId == null ? "/" : find(newParentId).orElseThrow().path();
		String newPath = parentPath + id + "/";
		jdbc.sql("update org_unit set parent_id = ? where id = ?").params(newParentId, id).update();
		jdbc.sql("""
				update org_unit set path = ? || substr(path, ?) where path like ? || '%'""")
			.params(newPath, unit.path().length() + 1, unit.path())
			.update();
	}

	/** The units within a scope condition on {@code o.party_id} and {@code o.id}, optionally of one party. */
	List<OrgUnit> visible(String condition, List<Object> parameters, Long partyId) {
		var params = new ArrayList<>(parameters);
		String sql = "select o.id, o.party_id, o.parent_id, o.code, o.name, o.path, o.enabled from org_unit o where "
				+ condition;
		if (partyId != null) {
			sql += " and o.party_id = ?";
			params.add(partyId);
		}
		return jdbc.sql(sql + " order by o.party_id, o.path").params(params).query(OrgUnit.class).list();
	}

	/** Whether enabled units or enabled users still hang on this unit. */
	boolean inUse(long id) {
		return jdbc.sql("""
				select exists (select 1 from org_unit where parent_id = ? and enabled)
				    or exists (select 1 from app_user where org_unit_id = ? and enabled)""")
			.params(id, id)
			.query(Boolean.class)
			.single();
	}

	boolean partyCodeTaken(String code) {
		return jdbc.sql("select count(*) from party where lower(code) = lower(?)").param(code).query(Long.class)
			.single() > 0;
	}

	boolean partyNameTaken(String name, Long exceptId) {
		return jdbc.sql("select count(*) from party where name = ? and id <> coalesce(?, -1)").params(name, exceptId)
			.query(Long.class).single() > 0;
	}

	boolean codeTaken(String code) {
		return jdbc.sql("select count(*) from org_unit where lower(code) = lower(?)").param(code).query(Long.class)
			.single() > 0;
	}

	boolean siblingNameTaken(long partyId, Long parentId, String name, Long exceptId) {
		return jdbc.sql("""
				select count(*) from org_unit where party_id = ? and coalesce(parent_id, 0) = coalesce(?, 0)
				and name = ? and id <> coalesce(?, -1)""")
			.params(partyId, parentId, name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Party> findParty(long id) {
		return jdbc.sql("select id, kind, code, name, enabled from party where id = ?").param(id)
			.query(Party.class).optional();
	}

	List<Party> parties() {
		return jdbc.sql("select id, kind, code, name, enabled from party order by kind, name").query(Party.class)
			.list();
	}

	long insertParty(String kind, String code, String name) {
		return jdbc.sql("insert into party (kind, code, name) values (?, ?, ?) returning id")
			.params(kind, code, name)
			.query(Long.class)
			.single();
	}

	void updateParty(long id, String name, boolean enabled) {
		jdbc.sql("update party set name = ?, enabled = ? where id = ?").params(name, enabled, id).update();
	}

	boolean partyCodeOrNameTaken(String code, String name, Long exceptId) {
		return jdbc.sql("""
				select count(*) from party where (lower(code) = lower(?) or name = ?) and id <> coalesce(?, -1)""")
			.params(code, name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long countParties() {
		return jdbc.sql("select count(*) from party").query(Long.class).single();
	}

	record OrgUnit(long id, long partyId, Long parentId, String code, String name, String path, boolean enabled) {
	}

	record Party(long id, String kind, String code, String name, boolean enabled) {
	}
}
