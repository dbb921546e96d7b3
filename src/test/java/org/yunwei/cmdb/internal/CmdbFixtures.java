package org.yunwei.cmdb.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * A small world for configuration tests, with unique names: a provider (desk manager and agent) serving a customer
 * bureau with a department below it through a catalogue service, a second provider and customer that it does not
 * serve, management's service-level manager and supervision. Catalogue rows go straight into the catalogue's tables.
 */
final class CmdbFixtures {

	final JdbcClient jdbc;
	final ApiClient api;
	final TestDirectory directory;
	final long providerParty;
	final long providerUnit;
	final long customerParty;
	final long bureau;
	final long department;
	final long otherCustomerUnit;
	final long otherProviderParty;
	final String lead;
	final String agent;
	final String bureauUser;
	final String departmentUser;
	final String otherCustomerUser;
	final String otherLead;
	final String manager;
	final String supervisor;
	private final Map<String, String> tokens = new LinkedHashMap<>();

	CmdbFixtures(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		directory = new TestDirectory(jdbc);
		providerParty = directory.party("PROVIDER", "运维服务商");
		providerUnit = directory.orgUnit(providerParty, null, "运维部");
		customerParty = directory.party("CUSTOMER", "市数据局");
		bureau = directory.orgUnit(customerParty, null, "局机关");
		department = directory.orgUnit(customerParty, bureau, "信息中心");
		long otherCustomer = directory.party("CUSTOMER", "市教育局");
		otherCustomerUnit = directory.orgUnit(otherCustomer, null, "办公室");
		otherProviderParty = directory.party("PROVIDER", "另一服务商");
		long otherProviderUnit = directory.orgUnit(otherProviderParty, null, "运维部");
		lead = directory.user(providerUnit, "SERVICE_DESK_MANAGER");
		agent = directory.user(providerUnit, "SERVICE_DESK_AGENT");
		otherLead = directory.user(otherProviderUnit, "SERVICE_DESK_MANAGER");
		bureauUser = directory.user(bureau);
		departmentUser = directory.user(department);
		otherCustomerUser = directory.user(otherCustomerUnit);
		manager = directory.user(partyUnit("MANAGEMENT"), "SERVICE_MANAGER");
		supervisor = directory.user(partyUnit("SUPERVISION"), "SUPERVISOR");
		serve(providerUnit, bureau);
		serve(otherProviderUnit, otherCustomerUnit);
	}

	String token(String username) {
		return tokens.computeIfAbsent(username, u -> Accounts.tokenFor(api, u, TestDirectory.PASSWORD, null));
	}

	long classId(String code) {
		return jdbc.sql("select id from ci_class where code = ?").param(code).query(Long.class).single();
	}

	/** A body for a new item of the class, for the bureau, with the given attributes. */
	Map<String, Object> item(String classCode, String name, Map<String, Object> attributes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("classId", classId(classCode));
		body.put("name", name);
		body.put("lifecycle", "IN_USE");
		body.put("customerUnitId", bureau);
		body.put("attributes", attributes);
		return body;
	}

	/** Records an item as the provider's desk manager and answers its id. */
	long create(String classCode, String name, Map<String, Object> attributes) {
		var response = api.post("/api/v1/cis", token(lead), item(classCode, name, attributes));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	long relate(long source, long target, String type) {
		var response = api.post("/api/v1/cis/" + source + "/relations", token(lead),
				Map.of("targetId", target, "type", type, "reason", "测试关系"));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	private long partyUnit(String kind) {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = ? order by o.id limit 1""")
			.param(kind).query(Long.class).optional()
			.orElseGet(() -> directory.orgUnit(directory.party(kind, kind), null, kind));
	}

	private void serve(long providerUnitId, long customerUnitId) {
		long category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '/') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("类别")).query(Long.class).single();
		jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(category).update();
		long service = jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
				returning id""")
			.params(category, TestDirectory.unique("S"), TestDirectory.unique("机房运维"), providerUnitId)
			.query(Long.class).single();
		jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)")
			.params(service, customerUnitId).update();
	}
}
