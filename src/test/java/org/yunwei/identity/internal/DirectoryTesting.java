package org.yunwei.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the directory tests share: people with exactly the permissions a test needs, and a look at the audit trail.
 */
final class DirectoryTesting {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final ApiClient api;
	final TestDirectory directory;

	DirectoryTesting(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.directory = new TestDirectory(jdbc);
	}

	/** A user of the unit holding a fresh custom role with these permissions. */
	String userWith(long orgUnitId, String... permissions) {
		return directory.user(orgUnitId, directory.role(permissions));
	}

	String tokenOf(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	/** A token of a new user of the unit with these permissions. */
	String tokenWith(long orgUnitId, String... permissions) {
		return tokenOf(userWith(orgUnitId, permissions));
	}

	long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
	}

	long auditCount(String action, Object objectId) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(objectId))
			.query(Long.class)
			.single();
	}

	/** The latest audit record of this action on this object: its before and after values. */
	JsonNode[] audited(String action, Object objectId) {
		return jdbc.sql("""
				select before_value::text, after_value::text from audit_record where action = ? and object_id = ?
				order by id desc limit 1""")
			.params(action, String.valueOf(objectId))
			.query((rs, n) -> new JsonNode[] { read(rs.getString(1)), read(rs.getString(2)) })
			.single();
	}

	private static JsonNode read(String text) {
		return text == null ? JSON.nullNode() : JSON.readTree(text);
	}
}
