package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunwei.notification.Notice;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/** The customer's rating: who may give it, when, once; a low one opens a follow-up; the figures count it. */
class SatisfactionApiIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	SatisfactionFigures figures;

	ApiClient api;
	TicketFixtures world;
	SatisfactionTesting testing;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		testing = new SatisfactionTesting(world);
	}

	@Test
	void theCustomerRatesAResolvedTicketOnceAndTheRatingIsOnItsTimeline() {
		long id = testing.resolved("打印机卡纸");
		String customer = world.token(world.bureauUser);

		var rated = api.post("/api/v1/tickets/" + id + "/rating", customer, Map.of("score", 5, "comment", "响应很快"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		assertThat(rated.json().get("score").asInt()).isEqualTo(5);
		assertThat(rated.json().get("ratedByUserId").asLong()).isEqualTo(world.userId(world.bureauUser));
		assertThat(rated.json().get("followUpTicketId").isNull()).isTrue();

		var again = api.post("/api/v1/tickets/" + id + "/rating", customer, Map.of("score", 1, "comment", "改主意了"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:yunwei:problem:already-rated");

		JsonNode stored = api.get("/api/v1/tickets/" + id + "/rating", world.token(world.agent)).json();
		assertThat(stored.get("score").asInt()).isEqualTo(5);
		assertThat(stored.get("comment").asString()).isEqualTo("响应很快");
		JsonNode customerView = api.get("/api/v1/tickets/" + id, customer).json();
		assertThat(customerView.get("timeline").valueStream().filter(e -> e.get("kind").asString().equals("RATING"))
			.map(e -> e.get("body").asString()).toList()).containsExactly("响应很快");
		assertThat(testing.audits("TICKET_RATED", id)).isEqualTo(1);
	}

	@Test
	void refusesARatingBeforeResolutionFromTheServiceDeskAndWithBadInputAndChangesNothing() {
		String customer = world.token(world.bureauUser);
		long open = world.submitted("网络时断时续").get("ticket").get("id").asLong();
		var early = api.post("/api/v1/tickets/" + open + "/rating", customer, Map.of("score", 4));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("type").asString()).isEqualTo("urn:yunwei:problem:not-resolved");

		long id = testing.resolved("显示器闪烁");
		assertThat(api.post("/api/v1/tickets/" + id + "/rating", world.token(world.agent), Map.of("score", 5))
			.status()).isEqualTo(403);
		var outOfRange = api.post("/api/v1/tickets/" + id + "/rating", customer, Map.of("score", 6));
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.json().get("errors").get("score").asString()).contains("1 到 5");
		var missing = api.post("/api/v1/tickets/" + id + "/rating", customer,
				Map.of("comment", "x".repeat(SatisfactionSurvey.COMMENT_MAX + 1)));
		assertThat(missing.json().get("errors").propertyNames()).containsExactlyInAnyOrder("score", "comment");

		assertThat(api.get("/api/v1/tickets/" + id + "/rating", customer).status()).isEqualTo(404);
		assertThat(testing.audits("TICKET_RATED", id)).isZero();
	}

	@Test
	void aLowRatingOpensAFollowUpForTheGroupThatResolvedItAndTellsItsLead() {
		try (var notices = new SatisfactionTesting.Notices(context)) {
			long id = testing.resolved("邮件无法发送");
			assertThat(notices.about("ticket.resolved")).extracting(Notice::link)
				.containsExactly("/tickets/" + id + "/rating");

			JsonNode rated = api.post("/api/v1/tickets/" + id + "/rating", world.token(world.bureauUser),
					Map.of("score", 2, "comment", "处理太慢，问题反复出现")).json();
			long followUpId = rated.get("followUpTicketId").asLong();
			assertThat(rated.get("followUpTicketNumber").asString()).startsWith("REQ-");

			JsonNode followUp = api.get("/api/v1/tickets/" + followUpId, world.token(world.agent)).json();
			JsonNode ticket = followUp.get("ticket");
			assertThat(ticket.get("type").asString()).isEqualTo("SERVICE_REQUEST");
			assertThat(ticket.get("subject").asString()).isEqualTo("回访跟进：邮件无法发送");
			assertThat(ticket.get("status").asString()).isEqualTo("ASSIGNED");
			assertThat(ticket.get("groupId").asLong()).isEqualTo(world.firstLine);
			assertThat(ticket.get("customerOrgUnitId").asLong()).isEqualTo(world.bureau);
			assertThat(ticket.get("reporterUserId").asLong()).isEqualTo(world.userId(world.bureauUser));
			assertThat(ticket.get("channel").asString()).isEqualTo("API");
			assertThat(ticket.get("description").asString()).contains("2 星", "处理太慢");
			assertThat(jdbc.sql("select kind from ticket_link where ticket_id = ? and other_ticket_id = ?")
				.params(followUpId, id).query(String.class).list()).containsExactly("RELATED");

			List<Notice> told = notices.about("ticket.follow-up");
			assertThat(told).hasSize(1);
			assertThat(told.getFirst().recipientUserIds()).containsExactly(world.userId(world.lead));
			assertThat(told.getFirst().link()).isEqualTo("/tickets/" + followUpId);
		}
	}

	@Test
	void aRatingAboveTheThresholdOpensNothing() {
		long id = testing.resolved("键盘失灵");
		JsonNode rated = api.post("/api/v1/tickets/" + id + "/rating", world.token(world.bureauUser),
				Map.of("score", 3)).json();
		assertThat(rated.get("followUpTicketId").isNull()).isTrue();
		assertThat(jdbc.sql("select count(*) from ticket_link where other_ticket_id = ?").param(id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheTicketsCustomerSubtreeRatesAndSupervisionOnlyReads() {
		long id = testing.resolved("投影仪无信号");
		String department = world.token(world.departmentUser);
		assertThat(api.post("/api/v1/tickets/" + id + "/rating", department, Map.of("score", 1)).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/tickets/" + id + "/rating", department).status()).isEqualTo(404);
		String otherCustomer = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("CUSTOMER", "别的委办局"), null, "办公室")));
		assertThat(api.post("/api/v1/tickets/" + id + "/rating", otherCustomer, Map.of("score", 1)).status())
			.isEqualTo(404);
		String supervisor = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", "监理公司"), null, "监理部"), "SUPERVISOR"));
		assertThat(api.post("/api/v1/tickets/" + id + "/rating", supervisor, Map.of("score", 5)).status())
			.isEqualTo(403);

		// a colleague of the reporter in the same unit may rate for them
		String colleague = world.token(world.directory.user(world.bureau));
		assertThat(api.post("/api/v1/tickets/" + id + "/rating", colleague, Map.of("score", 4)).status())
			.isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + id + "/rating", supervisor).json().get("score").asInt()).isEqualTo(4);
	}

	@Test
	void theFiguresCountTheRatingsOfTheScopeByPeriod() {
		String customer = world.token(world.bureauUser);
		for (int score : new int[] { 5, 4, 1 }) {
			long id = testing.resolved("满意度统计 " + score);
			assertThat(api.post("/api/v1/tickets/" + id + "/rating", customer, Map.of("score", score)).status())
				.isEqualTo(201);
		}
		LocalDate today = LocalDate.now(SHANGHAI);
		SatisfactionFigures.Summary summary = figures.of(testing.providerScope(), today, today.plusDays(1));
		assertThat(summary.count()).isEqualTo(3);
		assertThat(summary.average()).isEqualTo(10.0 / 3);
		assertThat(summary.distribution()).containsExactly(Map.entry(1, 1L), Map.entry(2, 0L), Map.entry(3, 0L),
				Map.entry(4, 1L), Map.entry(5, 1L));
		assertThat(summary.satisfiedShare()).isEqualTo(2.0 / 3);
		assertThat(figures.of(testing.providerScope(), today.minusDays(7), today).count()).isZero();

		YearMonth month = YearMonth.from(today);
		List<SatisfactionFigures.Month> months = figures.byMonth(testing.providerScope(), month.minusMonths(1), month);
		assertThat(months).extracting(SatisfactionFigures.Month::month).containsExactly(month.minusMonths(1), month);
		assertThat(months.get(0).summary().count()).isZero();
		assertThat(months.get(0).summary().average()).isNull();
		assertThat(months.get(1).summary().count()).isEqualTo(3);
	}
}
