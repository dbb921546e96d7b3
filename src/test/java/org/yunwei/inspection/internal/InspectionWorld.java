package org.yunwei.inspection.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * A small world for inspection tests, with unique names: a provider (desk manager, agent, 巡检员) serving a customer
 * bureau through a catalogue service, a server and a printer of the bureau recorded in the CMDB, a second provider's
 * desk manager, management's service-level manager and supervision. Catalogue rows go straight into the catalogue's
 * tables, as the CMDB tests do.
 */
public final class InspectionWorld {

	public final JdbcClient jdbc;
	public final ApiClient api;
	public final TestDirectory directory;
	public final long providerParty;
	public final long providerUnit;
	public final long bureau;
	public final String lead;
	public final String agent;
	public final String inspector;
	public final String otherLead;
	public final String manager;
	public final String supervisor;
	public final long server;
	public final long printer;
	private final Map<String, String> tokens = new LinkedHashMap<>();

	public InspectionWorld(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		directory = new TestDirectory(jdbc);
		providerParty = directory.party("PROVIDER", "运维服务商");
		providerUnit = directory.orgUnit(providerParty, null, "运维部");
		long customerParty = directory.party("CUSTOMER", "市数据局");
		bureau = directory.orgUnit(customerParty, null, "局机关");
		long otherProviderParty = directory.party("PROVIDER", "另一服务商");
		long otherProviderUnit = directory.orgUnit(otherProviderParty, null, "运维部");
		lead = directory.user(providerUnit, "SERVICE_DESK_MANAGER");
		agent = directory.user(providerUnit, "SERVICE_DESK_AGENT");
		inspector = directory.user(providerUnit, "INSPECTOR");
		otherLead = directory.user(otherProviderUnit, "SERVICE_DESK_MANAGER");
		manager = directory.user(partyUnit("MANAGEMENT"), "SERVICE_MANAGER");
		supervisor = directory.user(partyUnit("SUPERVISION"), "SUPERVISOR");
		serve(providerUnit, bureau);
		server = item("PHYSICAL_SERVER", "数据局核心数据库服务器");
		printer = item("PRINTER", "局机关打印机");
	}

	public String token(String username) {
		return tokens.computeIfAbsent(username, u -> Accounts.tokenFor(api, u, TestDirectory.PASSWORD, null));
	}

	public long userId(String username) {
		return directory.userId(username);
	}

	long shippedTemplate(String targetKind) {
		return jdbc.sql("""
				select id from inspection_template where party_id is null and target_kind = ? order by id limit 1""")
			.param(targetKind).query(Long.class).single();
	}

	long serverTemplate() {
		return jdbc.sql("select id from inspection_template where party_id is null and ci_class_code = 'SERVER'")
			.query(Long.class).single();
	}

	/** A plan body for the shipped server template, daily on working days, with the agent and the inspector. */
	Map<String, Object> serverPlan(String startsOn, String endsOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", TestDirectory.unique("服务器日常巡检"));
		body.put("templateId", serverTemplate());
		body.put("frequency", "DAILY");
		body.put("workingDaysOnly", true);
		body.put("dueTime", "17:30");
		body.put("startsOn", startsOn);
		body.put("endsOn", endsOn);
		body.put("ciIds", List.of(server));
		body.put("assigneeIds", List.of(userId(inspector), userId(agent)));
		return body;
	}

	/** Creates a plan as the desk manager; its id. */
	long plan(Map<String, Object> body) {
		var response = api.post("/api/v1/inspection-plans", token(lead), body);
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	private long item(String classCode, String name) {
		long classId = jdbc.sql("select id from ci_class where code = ?").param(classCode).query(Long.class).single();
		var response = api.post("/api/v1/cis", token(lead), Map.of("classId", classId, "name",
				TestDirectory.unique(name), "lifecycle", "IN_USE", "customerUnitId", bureau, "attributes", Map.of()));
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
