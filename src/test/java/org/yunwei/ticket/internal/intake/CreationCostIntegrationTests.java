package org.yunwei.ticket.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.StatementTally;
import org.yunwei.support.TestDatabase;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * What one ticket creation through the API asks of the database, counted (not timed: counts do not depend on what
 * else runs on the machine): statements by thread, verb and table, transactions, rows written by table, event
 * publications. The application runs on a database of its own with its schedulers off, so that everything counted
 * is the creations' own work; {@link StatementTally} counts as the JDBC driver. The counts are pinned, so that a change
 * that adds a statement, a transaction or a listener's delivery to every creation is noticed here and chosen, or
 * mended; docs/performance.md ("Service desk → What a creation costs") has the table, then and now.
 */
// in the bench profile only (mvn -Pbench test -Dtest=CreationCostIntegrationTests): its application context of its own,
// started beside the suite's shared one, left the shared context's asynchronous listeners and Spring Modulith's
// Scenario waits shut down for every test after it in the full suite (CI, 2026-12-07)
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"yunwei.admin.password=" + IntegrationTestSupport.ADMIN_PASSWORD,
		"yunwei.admin.totp-secret=" + IntegrationTestSupport.ADMIN_TOTP_SECRET,
		"yunwei.security.address-throttle-failures=1000", "yunwei.field-key=" + IntegrationTestSupport.FIELD_KEY,
		"yunwei.db.connection-timeout=3s",
		// nothing but the creations and what they cause may touch the database while they are counted
		"yunwei.scheduling.enabled=false" })
class CreationCostIntegrationTests {

	private static final int CREATIONS = 20;
	private static String database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		database = TestDatabase.createDatabase("creation_cost");
		registry.add("yunwei.db.url", () -> StatementTally.url(database));
		Path index = Files.createTempDirectory("yunwei-knowledge-index");
		index.toFile().deleteOnExit();
		registry.add("yunwei.knowledge.index-directory", index::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private TicketFixtures world;
	private CreationCost cost;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, new ApiClient(port));
		cost = new CreationCost(jdbc, dataSource, new ApiClient(port));
	}

	/** As the city benchmark creates: an agent records a call, in one of the agent's groups, incidents and requests. */
	@Test
	void anAgentsCreationInAGroup() {
		String agent = world.token(world.agent);
		CreationCost.Measured measured = cost.measure("agent, in a group", CREATIONS, agent, this::recorded);

		assertThat(measured.created()).isEqualTo(CREATIONS);
		assertThat(measured.work().sum("statement|other")).isZero();
		costsAtMost(measured, 14);
	}

	/** A customer's submission, which the provider's rules place: there are none here, so it stays unassigned. */
	@Test
	void aCustomersSubmissionWithoutRoutingRules() {
		String customer = world.token(world.bureauUser);
		CreationCost.Measured measured = cost.measure("customer, no rule", CREATIONS, customer, this::submitted);

		assertThat(measured.created()).isEqualTo(CREATIONS);
		costsAtMost(measured, 15);
	}

	/** A customer's submission placed by the default rule, after a rule with a condition it does not meet. */
	@Test
	void aCustomersSubmissionRoutedByRules() {
		String lead = world.token(world.lead);
		Map<String, Object> fallback = new LinkedHashMap<>();
		fallback.put("name", "默认");
		fallback.put("groupId", world.firstLine);
		fallback.put("assignment", "GROUP");
		assertThat(new ApiClient(port).post("/api/v1/routing-rules", lead, fallback).status()).isEqualTo(201);
		Map<String, Object> network = new LinkedHashMap<>();
		network.put("name", "网络类");
		network.put("groupId", world.secondLine);
		network.put("assignment", "GROUP");
		network.put("category", "网络");
		network.put("position", 10);
		assertThat(new ApiClient(port).post("/api/v1/routing-rules", lead, network).status()).isEqualTo(201);
		String customer = world.token(world.bureauUser);

		CreationCost.Measured measured = cost.measure("customer, routed", CREATIONS, customer, this::submitted);

		assertThat(measured.created()).isEqualTo(CREATIONS);
		costsAtMost(measured, 15);
	}

	/**
	 * Pins what a creation costs (2026-12-07: 13.1 statements for an agent's, 14.1 for a customer's; 0.3 listener
	 * transactions, the P1 incidents' paging check): a new statement per creation, or a listener that takes a
	 * transaction for every ticket, is noticed here rather than in the city's throughput.
	 */
	private static void costsAtMost(CreationCost.Measured measured, double requestStatements) {
		assertThat(measured.per("statement|request")).as("statements of the creation's request")
			.isLessThanOrEqualTo(requestStatements);
		assertThat(measured.per("transaction|request")).as("transactions of the creation's request")
			.isLessThanOrEqualTo(2);
		assertThat(measured.per("transaction|listener")).as("listener transactions per creation")
			.isLessThanOrEqualTo(0.5);
	}

	/** The city benchmark's draft (CreationLoad): every fifth a service request, impact and urgency rotating. */
	private Map<String, Object> recorded(int n) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", n % 5 == 0 ? "SERVICE_REQUEST" : "INCIDENT");
		body.put("subject", "打印机无法打印 cost-" + n);
		body.put("description", "用户来电：打印机无法打印，影响本科室办公，请尽快处理。");
		body.put("customerOrgUnitId", world.bureau);
		body.put("reporterName", "报告人" + n);
		body.put("reporterContact", "0731-8" + String.format("%06d", n));
		body.put("channel", "PHONE");
		body.put("serviceId", world.service);
		body.put("impact", 1 + n % 3);
		body.put("urgency", 1 + n / 3 % 3);
		body.put("groupId", world.firstLine);
		return body;
	}

	private Map<String, Object> submitted(int n) {
		Map<String, Object> body = world.ticket("打印机卡纸 cost-" + n);
		body.put("type", n % 5 == 0 ? "SERVICE_REQUEST" : "INCIDENT");
		body.put("impact", 1 + n % 3);
		body.put("urgency", 1 + n / 3 % 3);
		return body;
	}
}
