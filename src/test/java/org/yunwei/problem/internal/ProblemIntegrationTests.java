package org.yunwei.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.problem.ProblemOpened;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Problems through the API and the incident box: opened from two incidents, refused steps that change nothing, the
 * lifecycle to closing with the article proposed for 入库审批, scope, and the event of a new problem.
 */
@EnableScenarios
class ProblemIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	ProblemWork work;

	@Autowired
	ProblemEvidence evidenceSource;

	TicketFixtures world;
	ApiClient api;
	String lead;
	long first;
	long second;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
		api = world.api;
		lead = world.token(world.lead);
		first = world.submitted("打印机无法连接").get("ticket").get("id").asLong();
		second = world.submitted("打印机连接超时").get("ticket").get("id").asLong();
		// the default approval policy asks the requester's unit lead: somebody other than the desk manager
		String approver = world.directory.user(world.providerUnit);
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(world.directory.userId(approver),
				world.providerUnit).update();
	}

	private Map<String, Object> collection(List<Long> incidents) {
		return Map.of("source", "INCIDENT", "subject", "打印服务反复中断", "description", "多个部门反映上午打印中断",
				"impact", "各部门无法打印", "priority", "P2", "incidentIds", incidents);
	}

	private long open(List<Long> incidents) {
		var opened = api.post("/api/v1/problems", lead, collection(incidents));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json().get("id").asLong();
	}

	private void expect(int status, ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

	@Test
	void aProblemFromTwoIncidentsGetsItsPlansIsClosedAndProposesAnArticleForApproval() {
		long id = open(List.of(first, second));
		var problem = api.get("/api/v1/problems/" + id, lead).json();
		assertThat(problem.get("number").asString()).matches("PRB-\\d{8}-\\d{4}");
		assertThat(problem.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(problem.get("incidents")).hasSize(2);

		expect(200, api.post("/api/v1/problems/" + id + "/analysis", lead, null));
		// no work before the emergency plan: refused, and nothing changed
		var refused = api.post("/api/v1/problems/" + id + "/work", lead, null);
		expect(422, refused);
		assertThat(refused.body()).contains("problem-emergency-plan-missing");
		assertThat(status(id)).isEqualTo("ANALYSING");

		long owner = world.userId(world.lead);
		expect(200, api.put("/api/v1/problems/" + id + "/emergency-plan", lead, Map.of("text", "中断时切换备用打印服务器")));
		expect(200, api.put("/api/v1/problems/" + id + "/root-cause", lead, Map.of("text", "打印服务器驱动与补丁冲突")));
		expect(200, api.put("/api/v1/problems/" + id + "/solution", lead,
				Map.of("text", "回退补丁并升级驱动", "ownerId", owner, "due", LocalDate.now().plusDays(7).toString())));
		expect(200, api.put("/api/v1/problems/" + id + "/implementation", lead,
				Map.of("text", "周六维护窗口分批实施", "ownerId", owner, "start", LocalDate.now().plusDays(1).toString(),
						"end", LocalDate.now().plusDays(2).toString())));
		expect(200, api.post("/api/v1/problems/" + id + "/work", lead, null));
		expect(200, api.put("/api/v1/problems/" + id + "/known-error", lead, Map.of("text", "重启打印后台服务")));
		expect(200, api.post("/api/v1/problems/" + id + "/resolve", lead, Map.of("text", "补丁回退后一周未再中断")));
		var closed = api.post("/api/v1/problems/" + id + "/close", lead, null);
		expect(200, closed);
		long article = closed.json().get("articleId").asLong();
		assertThat(closed.json().get("problem").get("status").asString()).isEqualTo("CLOSED");

		// the article is a knowledge draft submitted for 入库审批, written from root cause and solution
		assertThat(jdbc.sql("select status from knowledge_article where id = ?").param(article).query(String.class)
			.single()).isEqualTo("IN_REVIEW");
		assertThat(jdbc.sql("select body from knowledge_article where id = ?").param(article).query(String.class)
			.single()).contains("打印服务器驱动与补丁冲突", "回退补丁并升级驱动", "重启打印后台服务");
		assertThat(jdbc.sql("select count(*) from approval_request where subject_type = 'knowledge-version' and "
				+ "subject_id = (select pending_version_id from knowledge_article where id = ?)").param(article)
			.query(Long.class).single()).isEqualTo(1);
		// proposing twice is refused
		expect(409, api.post("/api/v1/problems/" + id + "/article", lead, null));

		for (String action : List.of("PROBLEM_OPENED", "PROBLEM_ANALYSIS_STARTED", "PROBLEM_EMERGENCY_PLAN_RECORDED",
				"PROBLEM_ROOT_CAUSE_RECORDED", "PROBLEM_SOLUTION_RECORDED", "PROBLEM_IMPLEMENTATION_RECORDED",
				"PROBLEM_WORK_STARTED", "PROBLEM_KNOWN_ERROR_RECORDED", "PROBLEM_RESOLVED", "PROBLEM_CLOSED",
				"PROBLEM_ARTICLE_PROPOSED")) {
			assertThat(jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
				.params(action, String.valueOf(id)).query(Long.class).single()).as(action).isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from problem_entry where problem_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(13);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		long before = count();
		var empty = api.post("/api/v1/problems", lead, Map.of());
		expect(400, empty);
		assertThat(empty.body()).contains("subject", "description", "impact", "source", "priority");
		expect(400, api.post("/api/v1/problems", lead, collection(List.of(first, 99_999_999L))));
		expect(400, api.post("/api/v1/problems", lead,
				Map.of("source", "UFO", "subject", "x", "description", "x", "impact", "x", "priority", "P9")));
		assertThat(count()).isEqualTo(before);

		long id = open(List.of(first));
		expect(409, api.put("/api/v1/problems/" + id + "/root-cause", lead, Map.of("text", "过早")));
		expect(200, api.post("/api/v1/problems/" + id + "/analysis", lead, null));
		expect(400, api.put("/api/v1/problems/" + id + "/root-cause", lead, Map.of("text", " ")));
		expect(400, api.put("/api/v1/problems/" + id + "/implementation", lead,
				Map.of("text", "计划", "ownerId", world.userId(world.lead), "start", "2026-12-10", "end", "2026-12-01")));
		String stranger = world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", TestDirectory.unique("另一运维公司")), null, "服务台"));
		expect(400, api.put("/api/v1/problems/" + id + "/solution", lead,
				Map.of("text", "方案", "ownerId", world.directory.userId(stranger), "due", "2026-12-31")));
		expect(409, api.post("/api/v1/problems/" + id + "/resolve", lead, Map.of("text", "未经处理")));
		var problem = api.get("/api/v1/problems/" + id, lead).json();
		assertThat(problem.get("rootCause").isNull()).isTrue();
		assertThat(problem.get("solution").isNull()).isTrue();
		assertThat(problem.get("implementation").isNull()).isTrue();
		assertThat(problem.get("status").asString()).isEqualTo("ANALYSING");
		// being worked, it is not resolved before its root cause and solution are known
		expect(200, api.put("/api/v1/problems/" + id + "/emergency-plan", lead, Map.of("text", "切换备用")));
		expect(200, api.post("/api/v1/problems/" + id + "/work", lead, null));
		var unresolved = api.post("/api/v1/problems/" + id + "/resolve", lead, Map.of("text", "未经分析"));
		expect(422, unresolved);
		assertThat(unresolved.body()).contains("problem-analysis-missing");
		assertThat(status(id)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void customersSeeNoProblemsAndOtherProvidersNotThisOne() {
		long id = open(List.of(first));
		expect(403, api.get("/api/v1/problems", world.token(world.bureauUser)));
		expect(403, api.get("/api/v1/problems/" + id, world.token(world.bureauUser)));
		String otherAgent = world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", TestDirectory.unique("另一运维公司")), null, "服务台"),
				"SERVICE_DESK_MANAGER");
		String other = world.token(otherAgent);
		expect(404, api.get("/api/v1/problems/" + id, other));
		expect(404, api.post("/api/v1/problems/" + id + "/analysis", other, null));
		assertThat(api.get("/api/v1/problems?limit=200", other).body()).doesNotContain("\"id\":" + id + ",");
		// the agent records but may not analyse
		expect(403, api.post("/api/v1/problems/" + id + "/analysis", world.token(world.agent), null));
		assertThat(status(id)).isEqualTo("REGISTERED");
	}

	@Test
	void agentsSeeTheKnownErrorOnTheLinkedIncidentsPage() {
		long id = open(List.of(first, second));
		expect(200, api.post("/api/v1/problems/" + id + "/analysis", lead, null));
		expect(200, api.put("/api/v1/problems/" + id + "/known-error", lead, Map.of("text", "临时改用备用打印机")));
		WebSession agent = new WebSession(port);
		agent.signIn(world.agent, TestDirectory.PASSWORD, null);
		String box = agent.htmx("/problems/incident-box?ticket=" + second).body();
		assertThat(box).contains("临时改用备用打印机", "/problems/new?incident=" + second);
		String page = agent.get("/tickets/" + second).body();
		assertThat(page).contains("/problems/incident-box?ticket=" + second);
		String list = agent.get("/problems?knownError=true").body();
		assertThat(list).contains("打印服务反复中断");
	}

	@Test
	void listFiltersSearchesAndPagesByKeyset() {
		long a = open(List.of(first));
		long b = open(List.of(second));
		String number = jdbc.sql("select number from problem where id = ?").param(a).query(String.class).single();
		var found = api.get("/api/v1/problems?q=" + number, lead).json();
		assertThat(found.get("items")).hasSize(1);
		var page = api.get("/api/v1/problems?limit=1", lead).json();
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(b);
		var next = api.get("/api/v1/problems?limit=1&cursor=" + page.get("next").asString(), lead).json();
		assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(a);
		expect(400, api.get("/api/v1/problems?status=NONSENSE", lead));
		expect(400, api.get("/api/v1/problems?cursor=xyz", lead));
	}

	@Test
	void openingAProblemPublishesProblemOpened(Scenario scenario) {
		try (SignedIn signedIn = SignedIn.as(context, world.userId(world.lead))) {
			scenario.stimulate(() -> work.open(() -> ProblemCollection.of("INCIDENT", "邮件系统间歇性退信", "退信", "全局",
					"P3", null, List.of()), List.of(first)))
				.andWaitForEventOfType(ProblemOpened.class)
				.matching(e -> e.incidentIds().equals(List.of(first)))
				.toArriveAndVerify(e -> assertThat(e.number()).startsWith("PRB-"));
		}
	}

	@Test
	void theRegisterCountsProblemsAndFlagsThoseWorkedWithoutAnEmergencyPlan() {
		long id = open(List.of(first));
		// as a record imported from elsewhere might stand: being worked, no emergency plan
		jdbc.sql("update problem set status = 'IN_PROGRESS' where id = ?").param(id).update();
		java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
		List<org.yunwei.compliance.Evidence> evidence = evidenceSource.evidence(new org.yunwei.compliance.EvidenceRequest(
				LocalDate.now(zone).minusDays(1), LocalDate.now(zone), zone, world.providerParty,
				java.time.Instant.now()));
		assertThat(evidence).extracting(org.yunwei.compliance.Evidence::itemId)
			.containsExactlyInAnyOrder("7.3.2a", "7.3.2b", "7.3.2c", "7.3.2d", "7.3.2e", "9.2.2b");
		var emergency = evidence.stream().filter(e -> e.itemId().equals("7.3.2d")).findFirst().orElseThrow();
		assertThat(emergency.state()).isEqualTo(org.yunwei.compliance.EvidenceState.EVIDENCED);
		assertThat(emergency.figures().getFirst().value()).isEqualTo(1);
		assertThat(emergency.gaps()).extracting(org.yunwei.compliance.Evidence.Note::key)
			.contains("evidence.problem.gap.without-plan");
		assertThat(emergency.records()).extracting(org.yunwei.compliance.Evidence.EvidenceRecord::link)
			.contains("/problems/" + id);
	}

	private long count() {
		return jdbc.sql("select count(*) from problem").query(Long.class).single();
	}

	private String status(long id) {
		return jdbc.sql("select status from problem where id = ?").param(id).query(String.class).single();
	}
}
