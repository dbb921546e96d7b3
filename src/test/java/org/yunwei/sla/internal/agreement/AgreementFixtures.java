package org.yunwei.sla.internal.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.sla.EscalationStep;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * Parties, units, people and catalogue services for the agreement tests, each with unique names, and agreement
 * bodies as the API takes them. Services go straight into the catalogue's tables: creating them is another
 * module's business.
 */
final class AgreementFixtures {

	final TestDirectory directory;
	private final JdbcClient jdbc;
	private final ApiClient api;

	AgreementFixtures(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.directory = new TestDirectory(jdbc);
	}

	long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
	}

	/** A service level manager of the management party (role SERVICE_MANAGER). */
	String managerToken() {
		return tokenOf(directory.user(managementUnit(), "SERVICE_MANAGER"));
	}

	String tokenOf(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	long providerParty() {
		return directory.party("PROVIDER", "运维服务商");
	}

	long customerParty() {
		return directory.party("CUSTOMER", "委办局");
	}

	/** A catalogue service (with its own category). */
	long service() {
		long category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '/') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("类别"))
			.query(Long.class)
			.single();
		long providerUnit = directory.orgUnit(providerParty(), null, "一线");
		return jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
				returning id""")
			.params(category, TestDirectory.unique("S"), TestDirectory.unique("服务"), providerUnit)
			.query(Long.class)
			.single();
	}

	long auditCount(String action, Object objectId) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(objectId))
			.query(Long.class)
			.single();
	}

	/**
	 * A sound agreement body: P1 15 min / 4 h calendar-time response and business-time resolution scaled by
	 * priority, default thresholds, an escalation at P1's 90 % and at its breach.
	 */
	static Map<String, Object> body(long providerPartyId, Long customerOrgUnitId, List<Long> serviceIds) {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("code", TestDirectory.unique("SLA-"));
		body.put("name", "测试协议 " + TestDirectory.unique(""));
		body.put("providerPartyId", providerPartyId);
		body.put("customerOrgUnitId", customerOrgUnitId);
		body.put("validFrom", "2026-01-01");
		body.put("validTo", "2026-12-31");
		body.put("serviceIds", serviceIds);
		body.put("targets", new ArrayList<>(List.of(
				target("P1", 15, 240), target("P2", 30, 480), target("P3", 60, 960), target("P4", 120, 2400))));
		body.put("escalations", new ArrayList<>(List.of(
				Map.of("priority", "P1", "thresholdPercent", 90, "order", 1, "kind", "HIERARCHICAL",
						"target", "GROUP_LEAD"),
				Map.of("priority", "P1", "thresholdPercent", 100, "order", 1, "kind", "FUNCTIONAL",
						"target", EscalationStep.SECOND_LINE))));
		return body;
	}

	static Map<String, Object> target(String priority, long responseMinutes, long resolutionMinutes) {
		var target = new java.util.LinkedHashMap<String, Object>();
		target.put("priority", priority);
		target.put("responseMinutes", responseMinutes);
		target.put("responseBasis", "BUSINESS");
		target.put("resolutionMinutes", resolutionMinutes);
		target.put("resolutionBasis", "BUSINESS");
		target.put("thresholds", List.of(50, 75, 90));
		return target;
	}
}
