package org.yunwei.ticket.internal.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * What the benchmark's optimisations must keep: numbers consecutive and written with the row, a number found by
 * search, the open queue by due time through its partial indexes, and a token's use noted without a write per call.
 */
class TicketBenchmarkFixesIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;
	String agent;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		agent = world.token(world.agent);
	}

	@Test
	void consecutiveCreationsGetConsecutiveNumbersAndTheirDueTimesOnTheRow() {
		JsonNode first = create("打印机故障", 1).get("ticket");
		JsonNode second = create("邮箱无法登录", 1).get("ticket");
		long a = Long.parseLong(first.get("number").asString().replaceAll(".*-", ""));
		long b = Long.parseLong(second.get("number").asString().replaceAll(".*-", ""));
		assertThat(second.get("number").asString()).matches("INC-\\d{8}-\\d{4,}");
		assertThat(b).isGreaterThan(a);
		Map<String, Object> row = jdbc.sql("select number, resolution_due_at, agreement_id, version from ticket where id = ?")
			.param(second.get("id").asLong())
			.query()
			.singleRow();
		assertThat(row.get("number")).isEqualTo(second.get("number").asString());
		assertThat(row.get("resolution_due_at")).isNotNull();
		assertThat(((Number) row.get("agreement_id")).longValue()).isEqualTo(world.agreement);
		assertThat(Instant.parse(second.get("resolutionDueAt").asString())).isAfter(Instant.now());
	}

	@Test
	void aNumberIsFoundBySearchInAnyCase() {
		String number = create("网络中断", 2).get("ticket").get("number").asString();
		JsonNode found = api.get("/api/v1/tickets?q=" + number.toLowerCase(), agent).json().get("items");
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("number").asString()).isEqualTo(number);
	}

	@Test
	void theOpenQueueOfAGroupComesByDueTimeAndPagesWithoutRepeats() {
		for (int i = 0; i < 5; i++) {
			create("队列工单 " + i, 1 + i % 3);
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		Instant previous = Instant.MIN;
		do {
			JsonNode page = api.get("/api/v1/tickets?groupId=" + world.firstLine + "&status=open&sort=due&limit=2"
					+ (cursor == null ? "" : "&cursor=" + cursor), agent).json();
			for (JsonNode item : page.get("items")) {
				Instant due = Instant.parse(item.get("resolutionDueAt").asString());
				assertThat(due).isAfterOrEqualTo(previous);
				previous = due;
				seen.add(item.get("number").asString());
			}
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void aTokensUseIsNotedOnceAMinuteNotOnEveryCall() {
		api.get("/api/v1/tickets", agent);
		Instant noted = lastUsed();
		assertThat(noted).isNotNull();
		api.get("/api/v1/tickets", agent);
		assertThat(lastUsed()).isEqualTo(noted);
	}

	private Instant lastUsed() {
		return jdbc.sql("""
				select max(t.last_used_at) from api_token t join app_user u on u.id = t.user_id where u.username = ?""")
			.param(world.agent)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

	private JsonNode create(String subject, int impact) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "INCIDENT");
		body.put("subject", subject);
		body.put("description", "用户来电报告故障。");
		body.put("customerOrgUnitId", world.bureau);
		body.put("reporterName", "张三");
		body.put("serviceId", world.service);
		body.put("impact", impact);
		body.put("urgency", 2);
		body.put("groupId", world.firstLine);
		var response = api.post("/api/v1/tickets", agent, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}
}
