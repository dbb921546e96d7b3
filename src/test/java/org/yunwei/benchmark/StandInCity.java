package org.yunwei.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yunwei.support.TestDirectory;

/**
 * A small city for working on the runner without the generator ({@code -Dbench.city=stand-in}): a provider with
 * agents in a few groups, a customer bureau with departments and their people, one service with an SLA, two
 * managers; written as an accounts file in the generator's format. People go straight into the directory's tables
 * (as the tests' {@link TestDirectory} does); tokens, groups and the SLA through the API.
 */
final class StandInCity {

	private static final int AGENTS = 10;
	private static final int GROUPS = 5;
	private static final int DEPARTMENTS = 20;
	private static final int CUSTOMERS = 60;

	private StandInCity() {
	}

	static void write(Path accountsFile, String url, String user, String password, Api api) throws IOException {
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, password));
		TestDirectory directory = new TestDirectory(jdbc);
		long provider = directory.party("PROVIDER", "运维服务商");
		long providerUnit = directory.orgUnit(provider, null, "运维一部");
		long customerParty = directory.party("CUSTOMER", "市委办局");
		long bureau = directory.orgUnit(customerParty, null, "办公室");
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		List<Map<String, Object>> managers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String name = directory.user(management, "SERVICE_MANAGER");
			managers.add(Map.of("username", name, "token", token(api, name)));
		}
		String lead = directory.user(providerUnit, "SERVICE_DESK_MANAGER");
		List<String> agentNames = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			agentNames.add(directory.user(providerUnit, "SERVICE_DESK_AGENT"));
		}
		List<Long> groups = new ArrayList<>();
		for (int g = 0; g < GROUPS; g++) {
			long group = jdbc.sql("""
					insert into ticket_group (code, name, party_id, lead_user_id) values (?, ?, ?, ?) returning id""")
				.params(TestDirectory.unique("G-"), TestDirectory.unique("处理组"), provider, directory.userId(lead))
				.query(Long.class)
				.single();
			groups.add(group);
		}
		List<Map<String, Object>> agents = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			String name = agentNames.get(i);
			List<Long> own = List.of(groups.get(i % GROUPS), groups.get((i + 1) % GROUPS));
			for (long group : own) {
				jdbc.sql("insert into ticket_group_member (group_id, user_id) values (?, ?)")
					.params(group, directory.userId(name))
					.update();
			}
			agents.add(Map.of("username", name, "token", token(api, name), "groupIds", own, "providerPartyId",
					provider));
		}
		List<Long> units = new ArrayList<>(List.of(bureau));
		for (int d = 0; d < DEPARTMENTS; d++) {
			units.add(directory.orgUnit(customerParty, bureau, "科室" + d));
		}
		List<Map<String, Object>> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			long unit = units.get(i % units.size());
			String name = directory.user(unit);
			customers.add(Map.of("username", name, "token", token(api, name), "orgUnitId", unit));
		}
		long service = service(jdbc, providerUnit, bureau);
		agreement(api, (String) managers.getFirst().get("token"), provider, bureau, service);
		Map<String, Object> city = new LinkedHashMap<>();
		city.put("agents", agents);
		city.put("customers", customers);
		city.put("managers", managers);
		city.put("services", List.of(Map.of("id", service, "orgUnitIds", units, "providerPartyId", provider)));
		city.put("assignmentGroups", groups);
		Files.createDirectories(accountsFile.getParent());
		Files.writeString(accountsFile, Api.JSON.writeValueAsString(city));
	}

	private static String token(Api api, String username) {
		Api.Answer answer = api.post("/api/v1/auth/tokens", null, Map.of("username", username, "password",
				TestDirectory.PASSWORD, "name", "bench", "expiresInDays", 30));
		if (answer.status() != 201) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + answer);
		}
		return answer.json().get("token").asString();
	}

	private static long service(JdbcClient jdbc, long providerUnit, long bureau) {
		long category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '/') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("类别"))
			.query(Long.class)
			.single();
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

	private static void agreement(Api api, String managerToken, long provider, long bureau, long service) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", TestDirectory.unique("SLA-"));
		body.put("name", "基准协议 " + TestDirectory.unique(""));
		body.put("providerPartyId", provider);
		body.put("customerOrgUnitId", bureau);
		body.put("validFrom", "2025-01-01");
		body.put("serviceIds", List.of(service));
		List<Map<String, Object>> targets = new ArrayList<>();
		String[] priorities = { "P1", "P2", "P3", "P4" };
		int[][] minutes = { { 15, 240 }, { 30, 480 }, { 60, 960 }, { 120, 2400 } };
		for (int p = 0; p < priorities.length; p++) {
			targets.add(Map.of("priority", priorities[p], "responseMinutes", minutes[p][0], "responseBasis",
					"CALENDAR", "resolutionMinutes", minutes[p][1], "resolutionBasis", "CALENDAR", "thresholds",
					List.of(50, 75, 90)));
		}
		body.put("targets", targets);
		body.put("escalations", List.of());
		Api.Answer answer = api.post("/api/v1/sla/agreements", managerToken, body);
		if (answer.status() != 201) {
			throw new IllegalStateException("SLA agreement: " + answer);
		}
	}
}
