package org.yunwei.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code role}, {@code role_permission} and {@code user_role} tables.
 */
@Repository
class Roles {

	private static final String SELECT = """
			select r.id, r.code, r.name, r.description, r.built_in,
			       coalesce(array_agg(rp.permission order by rp.permission)
			                filter (where rp.permission is not null), '{}') as permissions
			from role r left join role_permission rp on rp.role_id = r.id""";

	private final JdbcClient jdbc;

	Roles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Role> all() {
		return jdbc.sql(SELECT + " group by r.id order by r.built_in desc, r.code").query(Roles::map).list();
	}

	Optional<Role> find(long id) {
		return jdbc.sql(SELECT + " where r.id = ? group by r.id").param(id).query(Roles::map).optional();
	}

	List<Role> findByCodes(Collection<String> codes) {
		return jdbc.sql(SELECT + " where r.code = any(?) group by r.id order by r.code")
			.param(codes.toArray(String[]::new))
			.query(Roles::map)
			.list();
	}

	boolean codeTaken(String code) {
		return jdbc.sql("select count(*) from role where lower(code) = lower(?)").param(code).query(Long.class)
			.single() > 0;
	}

	boolean nameTaken(String name, Long exceptId) {
		return jdbc.sql("select count(*) from role where name = ? and id <> coalesce(?, -1)").params(name, exceptId)
			.query(Long.class).single() > 0;
	}

	long insert(String code, String name, String description) {
		return jdbc.sql("insert into role (code, name, description) values (?, ?, ?) returning id")
			.params(code, name, description)
			.query(Long.class)
			.single();
	}

	void update(long id, String name, String description) {
		jdbc.sql("update role set name = ?, description = ? where id = ?").params(name, description, id).update();
	}

	void replacePermissions(long id, Collection<String> permissions) {
		jdbc.sql("delete from role_permission where role_id = ?").param(id).update();
		for (String permission : permissions) {
			jdbc.sql("insert into role_permission (role_id, permission) values (?, ?)").params(id, permission).update();
		}
	}

	/** For each person holding this role, the permissions their other roles give them. */
	/** The ids of the users who hold the role. */
	List<Long> holdersOf(long roleId) {
		return jdbc.sql("select user_id from user_role where role_id = ? order by user_id").param(roleId)
			.query(Long.class)
			.list();
	}

	List<List<String>> otherPermissionsOfHolders(long roleId) {
		return jdbc.sql("""
				select coalesce(array_agg(distinct rp.permission) filter (where rp.permission is not null), '{}')
				from user_role holder
				left join user_role ur on ur.user_id = holder.user_id and ur.role_id <> holder.role_id
				left join role_permission rp on rp.role_id = ur.role_id
				where holder.role_id = ? group by holder.user_id""")
			.param(roleId)
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.list();
	}

	/** The codes of the roles a user holds, sorted. */
	List<String> codesOf(long userId) {
		return jdbc.sql("""
				select r.code from user_role ur join role r on r.id = ur.role_id where ur.user_id = ? order by r.code""")
			.param(userId)
			.query(String.class)
			.list();
	}

	void replaceRolesOf(long userId, Collection<Long> roleIds) {
		jdbc.sql("delete from user_role where user_id = ?").param(userId).update();
		for (long roleId : roleIds) {
			jdbc.sql("insert into user_role (user_id, role_id) values (?, ?)").params(userId, roleId).update();
		}
	}

	/**
	 * Counts the enabled holders of a role other than one user, after locking the role's row: two administrators
	 * removing each other at the same moment are serialised, so that one of them always remains.
	 */
	long otherEnabledHolders(String code, long exceptUserId) {
		jdbc.sql("select id from role where code = ? for update").param(code).query(Long.class).optional();
		return jdbc.sql("""
				select count(*) from user_role ur join role r on r.id = ur.role_id join app_user u on u.id = ur.user_id
				where r.code = ? and u.enabled and u.id <> ?""")
			.params(code, exceptUserId)
			.query(Long.class)
			.single();
	}

	private static Role map(ResultSet rs, int row) throws SQLException {
		Array permissions = rs.getArray("permissions");
		return new Role(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
				rs.getBoolean("built_in"), List.of((String[]) permissions.getArray()));
	}

	record Role(long id, String code, String name, String description, boolean builtIn, List<String> permissions) {
	}
}
