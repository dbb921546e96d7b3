package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/** The return-visit worklist and its sample, recording visits, follow-ups of dissatisfied customers, and scope. */
class ReturnVisitApiIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ReturnVisitWorklist worklist;

	@Autowired
	SatisfactionFigures figures;

	@Autowired
	ConfigurableApplicationContext context;

	ApiClient api;
	TicketFixtures world;
	SatisfactionTesting testing;
	String agent;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		testing = new SatisfactionTesting(world);
		agent = world.token(world.agent);
	}

	@Test
	void theSampleIsDrawnByTicketIdAndLowRatingsAndMajorIncidentsAreAlwaysOnTheList() {
		long plain = testing.resolved("普通工单");
		long lowRated = testing.resolved("差评工单");
		api.post("/api/v1/tickets/" + lowRated + "/rating", world.token(world.bureauUser), Map.of("score", 1));
		long major = world.submitted("核心交换机宕机").get("ticket").get("id").asLong();
		SatisfactionTesting.expect(200, api.post("/api/v1/tickets/" + major + "/major", agent,
				Map.of("major", true, "coordinatorUserId", world.userId(world.lead))));
		testing.resolve(major);

		int lastTwoDigits = (int) (plain % 100);
		assertThat(due(ReturnVisitQuery.firstPage(), lastTwoDigits + 1)).contains(plain, lowRated, major);
		assertThat(due(ReturnVisitQuery.firstPage(), lastTwoDigits)).doesNotContain(plain).contains(lowRated, major);
		assertThat(due(ReturnVisitQuery.firstPage(), 0)).containsExactlyInAnyOrder(lowRated, major);
		assertThat(due(ReturnVisitQuery.of(null, null, null, "MAJOR", null, null, null), 100)).containsExactly(major);
		assertThat(due(ReturnVisitQuery.of(null, null, null, "LOW_RATING", null, null, null), 100))
			.containsExactly(lowRated);

		// the configured sample is 100 %: every resolved ticket of the provider, newest resolution first
		JsonNode page = api.get("/api/v1/return-visits/worklist?groupId=" + world.firstLine + "&limit=2", agent).json();
		assertThat(page.get("items").valueStream().map(i -> i.get("ticketId").asLong()).toList())
			.containsExactly(major, lowRated);
		assertThat(page.get("items").get(0).get("reasons").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder("SAMPLE", "MAJOR");
		assertThat(page.get("items").get(1).get("score").asInt()).isEqualTo(1);
		JsonNode next = api.get("/api/v1/return-visits/worklist?groupId=" + world.firstLine + "&limit=2&cursor="
				+ page.get("next").asString(), agent).json();
		assertThat(next.get("items").valueStream().map(i -> i.get("ticketId").asLong()).toList())
			.containsExactly(plain);
		assertThat(next.get("next").isNull()).isTrue();
	}

	@Test
	void aTicketStaysOnTheWorklistUntilAVisitReachesTheCustomer() {
		long id = testing.resolved("复印机异响");
		var unreachable = api.post("/api/v1/return-visits", agent, Map.of("ticketId", id,
				"contact", "张三 13800138000", "result", "UNREACHABLE", "comment", "无人接听"));
		assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(201);
		JsonNode stillDue = api.get("/api/v1/return-visits/worklist?q=" + number(id), agent).json().get("items");
		assertThat(stillDue.size()).isEqualTo(1);
		assertThat(stillDue.get(0).get("attempts").asInt()).isEqualTo(1);

		JsonNode reached = api.post("/api/v1/return-visits", agent, Map.of("ticketId", id, "contact",
				"张三 13800138000", "result", "SATISFIED", "comment", "已恢复，很满意")).json();
		assertThat(reached.get("result").asString()).isEqualTo("SATISFIED");
		assertThat(reached.get("calledByUserId").asLong()).isEqualTo(world.userId(world.agent));
		assertThat(reached.get("followUpTicketId").isNull()).isTrue();
		assertThat(api.get("/api/v1/return-visits/worklist?q=" + number(id), agent).json().get("items").size())
			.isZero();

		JsonNode visits = api.get("/api/v1/return-visits?ticketId=" + id, agent).json();
		assertThat(visits.valueStream().map(v -> v.get("result").asString()).toList())
			.containsExactly("SATISFIED", "UNREACHABLE");
		assertThat(kinds(id, agent)).filteredOn("RETURN_VISIT"::equals).hasSize(2);
		assertThat(kinds(id, world.token(world.bureauUser))).doesNotContain("RETURN_VISIT");
		assertThat(testing.audits("TICKET_RETURN_VISIT", id)).isEqualTo(2);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(figures.returnVisits(testing.providerScope(), today, today.plusDays(1)))
			.containsEntry(ReturnVisitResult.SATISFIED, 1L).containsEntry(ReturnVisitResult.UNREACHABLE, 1L)
			.containsEntry(ReturnVisitResult.DISSATISFIED, 0L);
	}

	@Test
	void aDissatisfiedCustomerGetsAFollowUpAndASecondComplaintJoinsTheOpenOne() {
		try (var notices = new SatisfactionTesting.Notices(context)) {
			long id = testing.resolved("门户网站打不开");
			JsonNode first = api.post("/api/v1/return-visits", agent, Map.of("ticketId", id, "contact", "李四",
					"result", "DISSATISFIED", "comment", "第二天又打不开了", "followUp", "安排工程师上门")).json();
			long followUpId = first.get("followUpTicketId").asLong();
			JsonNode followUp = api.get("/api/v1/tickets/" + followUpId, agent).json().get("ticket");
			assertThat(followUp.get("subject").asString()).isEqualTo("回访跟进：门户网站打不开");
			assertThat(followUp.get("channel").asString()).isEqualTo("PHONE");
			assertThat(followUp.get("description").asString()).contains("第二天又打不开了", "安排工程师上门");

			api.post("/api/v1/tickets/" + id + "/rating", world.token(world.bureauUser),
					Map.of("score", 1, "comment", "还是不行"));
			JsonNode rating = api.get("/api/v1/tickets/" + id + "/rating", agent).json();
			assertThat(rating.get("followUpTicketId").asLong()).isEqualTo(followUpId);
			assertThat(jdbc.sql("select count(*) from ticket_link where other_ticket_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(1);
			assertThat(kinds(followUpId, agent)).contains("NOTE");
			assertThat(notices.about("ticket.follow-up")).hasSize(2);
		}
	}

	@Test
	void refusesVisitsBeforeResolutionAndBadInputAndChangesNothing() {
		long open = world.submitted("传真机故障").get("ticket").get("id").asLong();
		var early = api.post("/api/v1/return-visits", agent, Map.of("ticketId", open, "contact", "王五",
				"result", "SATISFIED"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("type").asString()).isEqualTo("urn:yunwei:problem:not-resolved");

		long id = testing.resolved("电话机无拨号音");
		var bad = api.post("/api/v1/return-visits", agent, Map.of("ticketId", id, "result", "HAPPY",
				"comment", "x".repeat(2001)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").propertyNames()).containsExactlyInAnyOrder("result", "contact", "comment");
		assertThat(api.post("/api/v1/return-visits", agent, Map.of("result", "SATISFIED", "contact", "王五"))
			.json().get("errors").has("ticketId")).isTrue();
		assertThat(api.get("/api/v1/return-visits/worklist?status=NEW", agent).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/return-visits/worklist?cursor=nonsense", agent).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/return-visits?ticketId=" + id, agent).json().size()).isZero();
	}

	@Test
	void customersOtherProvidersAndSupervisionCannotRecordVisits() {
		long id = testing.resolved("会议室大屏故障");
		Map<String, Object> visit = Map.of("ticketId", id, "contact", "赵六", "result", "SATISFIED");
		String customer = world.token(world.bureauUser);
		assertThat(api.post("/api/v1/return-visits", customer, visit).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/return-visits/worklist", customer).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/return-visits?ticketId=" + id, customer).status()).isEqualTo(403);
		// no customer may read visits: the right is asked first, so the answer says nothing about the ticket
		assertThat(api.get("/api/v1/return-visits?ticketId=" + id, world.token(world.departmentUser)).status())
			.isEqualTo(403);

		String otherAgent = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "别家运维"), null, "一部"), "SERVICE_DESK_AGENT"));
		assertThat(api.post("/api/v1/return-visits", otherAgent, visit).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/return-visits?ticketId=" + id, otherAgent).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/return-visits/worklist?q=" + number(id), otherAgent).json().get("items").size())
			.isZero();

		String supervisor = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", "监理公司"), null, "监理部"), "SUPERVISOR"));
		assertThat(api.post("/api/v1/return-visits", supervisor, visit).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/return-visits/worklist?q=" + number(id), supervisor).json().get("items").size())
			.isEqualTo(1);
		assertThat(api.get("/api/v1/return-visits?ticketId=" + id, supervisor).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from ticket_return_visit where ticket_id = ?").param(id)
			.query(Long.class).single()).isZero();
	}

	private List<Long> due(ReturnVisitQuery query, int samplePercent) {
		return worklist.list(query, testing.providerScope(), samplePercent, 2).items().stream()
			.map(ReturnVisitDue::ticketId).toList();
	}

	private String number(long id) {
		return jdbc.sql("select number from ticket where id = ?").param(id).query(String.class).single();
	}

	private List<String> kinds(long id, String token) {
		return api.get("/api/v1/tickets/" + id, token).json().get("timeline").valueStream()
			.map(e -> e.get("kind").asString()).toList();
	}
}
