package org.yunwei.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code post} table (岗位): a post of an organisation unit with its responsibilities, its holder and the
 * backup person who stands in for them (岗位备份).
 */
@Repository
class Posts {

	private static final String SELECT = """
			select s.id, s.org_unit_id, o.name as org_unit_name, o.party_id, s.name, s.responsibilities,
			       s.holder_id, h.display_name as holder_name, s.backup_id, b.display_name as backup_name
			from post s join org_unit o on o.id = s.org_unit_id
			left join app_user h on h.id = s.holder_id left join app_user b on b.id = s.backup_id""";

	private final JdbcClient jdbc;

	Posts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The posts within a scope condition on {@code o.party_id} and {@code s.org_unit_id}. */
	List<PostView> visible(String condition, List<Object> parameters, Long orgUnitId) {
		var params = new ArrayList<>(parameters);
		String sql = SELECT + " where " + condition;
		if (orgUnitId != null) {
			sql += " and s.org_unit_id = ?";
			params.add(orgUnitId);
		}
		return jdbc.sql(sql + " order by o.path, s.name, s.id").params(params).query(PostView.class).list();
	}

	Optional<PostView> find(long id) {
		return jdbc.sql(SELECT + " where s.id = ?").param(id).query(PostView.class).optional();
	}

	long insert(long orgUnitId, String name, String responsibilities, Long holderId, Long backupId) {
		return jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id, backup_id) values (?, ?, ?, ?, ?)
				returning id""")
			.params(orgUnitId, name, responsibilities, holderId, backupId)
			.query(Long.class)
			.single();
	}

	void update(long id, long orgUnitId, String name, String responsibilities, Long holderId, Long backupId) {
		jdbc.sql("""
				update post set org_unit_id = ?, name = ?, responsibilities = ?, holder_id = ?, backup_id = ?
				where id = ?""")
			.params(orgUnitId, name, responsibilities, holderId, backupId, id)
			.update();
	}

	void delete(long id) {
		jdbc.sql("delete from post where id = ?").param(id).update();
	}

	boolean nameTaken(long orgUnitId, String name, Long exceptId) {
		return jdbc.sql("select count(*) from post where org_unit_id = ? and name = ? and id <> coalesce(?, -1)")
			.params(orgUnitId, name, exceptId)
			.query(Long.class)
			.single() > 0;
	}
}
