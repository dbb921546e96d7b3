package org.yunwei.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Puts parties, organisation units and users straight into the database for tests that need people but are not
 * about creating them. Every name gets a unique suffix so that tests sharing one database never collide.
 */
public final class TestDirectory {

	public static final String PASSWORD = "Tr0ub4dor&3x";
	private static final AtomicInteger SEQUENCE = new AtomicInteger();
	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
	private static final String PASSWORD_HASH = ENCODER.encode(PASSWORD);

	private final JdbcClient jdbc;

	public TestDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static String unique(String prefix) {
		return prefix + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet();
	}

	public long party(String kind, String name) {
		String code = unique("P");
		return jdbc.sql("insert into party (kind, code, name) values (?, ?, ?) returning id")
			.params(kind, code, name + " " + code)
			.query(Long.class)
			.single();
	}

	public long orgUnit(long partyId, Long parentId, String name) {
		String code = unique("O");
		long id = jdbc.sql("insert into org_unit (party_id, parent_id, code, name, path) values (?, ?, ?, ?, '') returning id")
			.params(partyId, parentId, code, name + " " + code)
			.query(Long.class)
			.single();
		String parentPath = parentId == null ? "/"
				: jdbc.sql("select path from org_unit where id = ?").param(parentId).query(String.class).single();
		jdbc.sql("update org_unit set path = ? where id = ?").params(parentPath + id + "/", id).update();
		return id;
	}

	/** A user with {@link #PASSWORD}, no second factor, and the given roles (by code). */
	public String user(long orgUnitId, String... roleCodes) {
		String username = unique("u");
		long id = jdbc.sql("""
				insert into app_user (username, display_name, org_unit_id, password_hash) values (?, ?, ?, ?)
				returning id""")
			.params(username, "测试用户 " + username, orgUnitId, PASSWORD_HASH)
			.query(Long.class)
			.single();
		jdbc.sql("insert into password_history (user_id, password_hash) values (?, ?)").params(id, PASSWORD_HASH)
			.update();
		for (String role : roleCodes) {
			jdbc.sql("insert into user_role (user_id, role_id) select ?, id from role where code = ?")
				.params(id, role)
				.update();
		}
		return username;
	}

	/** A custom role with the given permissions, returning its code. */
	public String role(String... permissions) {
		String code = unique("R");
		long id = jdbc.sql("insert into role (code, name) values (?, ?) returning id").params(code, "角色 " + code)
			.query(Long.class).single();
		for (String permission : permissions) {
			jdbc.sql("insert into role_permission (role_id, permission) values (?, ?)").params(id, permission).update();
		}
		return code;
	}

	public long userId(String username) {
		return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}
}
