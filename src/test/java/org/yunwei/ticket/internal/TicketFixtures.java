package org.yunwei.ticket.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * A small world for ticket tests, with unique names so that tests sharing the database never see each other's
 * records: a provider with a first-line group (lead and agent) and a second-line group, a customer bureau with a
 * department below it and a person in each, a catalogue service the bureau may order, and an SLA for it (P1 15 min
 * response / 4 h resolution in calendar time, escalating at 90 % to the group lead and at breach to the second
 * line). Public for the modules that build on tickets (evaluation). Catalogue rows go straight into the catalogue's tables (creating them is another module's business); the
 * SLA and the groups go through the API.
 */
public final class TicketFixtures {

	public final TestDirectory directory;
	public final JdbcClient jdbc;
	public final ApiClient api;

	public final long providerParty;
	public final long providerUnit;
	public final String lead;
	public final String agent;
	public final String secondLineAgent;
	public final long firstLine;
	public final long secondLine;
	public final String secondLineCode;
	public final long customerParty;
	public final long bureau;
	public final long department;
	public final String bureauUser;
	public final String departmentUser;
	public final long service;
	public final String managerToken;
	public final long agreement;

	public TicketFixtures(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.directory = new TestDirectory(jdbc);
		providerParty = directory.party("PROVIDER", "运维服务商");
		providerUnit = directory.orgUnit(providerParty, null, "运维一部");
		lead = directory.user(providerUnit, "SERVICE_DESK_MANAGER");
		agent = directory.user(providerUnit, "SERVICE_DESK_AGENT");
		secondLineAgent = directory.user(providerUnit, "SERVICE_DESK_AGENT");
		customerParty = directory.party("CUSTOMER", "市委办局");
		bureau = directory.orgUnit(customerParty, null, "办公室");
		department = directory.orgUnit(customerParty, bureau, "信息科");
		bureauUser = directory.user(bureau);
		departmentUser = directory.user(department);
		service = service();
		managerToken = token(directory.user(managementUnit(), "SERVICE_MANAGER"));
		String leadToken = token(lead);
		secondLineCode = TestDirectory.unique("L2-");
		secondLine = group(leadToken, secondLineCode, List.of(userId(lead), userId(secondLineAgent)), null);
		firstLine = group(leadToken, TestDirectory.unique("L1-"), List.of(userId(lead), userId(agent)), secondLine);
		agreement = agreement();
	}

	public String token(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	/**
	 * A token of a new administrator of management in the role (SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN), with
	 * the second factor administrators must have.
	 */
	public String administratorToken(String role) {
		String user = directory.user(managementUnit(), role);
		jdbc.sql("update app_user set totp_secret = ? where username = ?")
			.params(IntegrationTestSupport.ADMIN_TOTP_SECRET, user)
			.update();
		return Accounts.tokenFor(api, user, TestDirectory.PASSWORD, IntegrationTestSupport.ADMIN_TOTP_SECRET);
	}

	public long userId(String username) {
		return directory.userId(username);
	}

	public long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
	}

	/** A portal submission body for the service. */
	public Map<String, Object> ticket(String subject) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "INCIDENT");
		body.put("subject", subject);
		body.put("description", "打印机无法打印，显示脱机。");
		body.put("serviceId", service);
		body.put("impact", 1);
		body.put("urgency", 1);
		return body;
	}

	/** Opens a ticket as the bureau's user and answers it. */
	public JsonNode submitted(String subject) {
		var response = api.post("/api/v1/tickets", token(bureauUser), ticket(subject));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json();
	}

	private long group(String token, String code, List<Long> members, Long escalation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", code + " 组");
		body.put("leadUserId", userId(lead));
		body.put("memberIds", members);
		body.put("escalationGroupId", escalation);
		var response = api.post("/api/v1/ticket-groups", token, body);
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	private long service() {
		long category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '/') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("类别"))
			.query(Long.class)
			.single();
		jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(category).update();
		long id = jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
				returning id""")
			.params(category, TestDirectory.unique("S"), TestDirectory.unique("办公设备运维"), providerUnit)
			.query(Long.class)
			.single();
		jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)").params(id, bureau)
			.update();
		return id;
	}

	private long agreement() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", TestDirectory.unique("SLA-"));
		body.put("name", "工单测试协议 " + TestDirectory.unique(""));
		body.put("providerPartyId", providerParty);
		body.put("customerOrgUnitId", bureau);
		body.put("validFrom", "2025-01-01");
		body.put("serviceIds", List.of(service));
		body.put("targets", new ArrayList<>(List.of(target("P1", 15, 240), target("P2", 30, 480),
				target("P3", 60, 960), target("P4", 120, 2400))));
		body.put("escalations", new ArrayList<>(List.of(
				Map.of("priority", "P1", "thresholdPercent", 90, "order", 1, "kind", "HIERARCHICAL",
						"target", "GROUP_LEAD"),
				Map.of("priority", "P1", "thresholdPercent", 100, "order", 1, "kind", "FUNCTIONAL",
						"target", secondLineCode))));
		var response = api.post("/api/v1/sla/agreements", managerToken, body);
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	private static Map<String, Object> target(String priority, long responseMinutes, long resolutionMinutes) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("priority", priority);
		target.put("responseMinutes", responseMinutes);
		target.put("responseBasis", "CALENDAR");
		target.put("resolutionMinutes", resolutionMinutes);
		target.put("resolutionBasis", "CALENDAR");
		target.put("thresholds", List.of(50, 75, 90));
		return target;
	}
}
