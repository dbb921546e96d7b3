package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * The ticket dashboard and the SLA attainment report count a ticket's resolution SLA in the same period, the one in
 * which the ticket was resolved (decision 0002): resolving counts it in both, reopening takes it out of both, and the
 * customer's confirmation changes neither.
 */
class SlaFiguresAgreeIntegrationTests extends IntegrationTestSupport {

	@Test
	void aResolutionCountsInBothReportsWhenItIsGivenAndLeavesBothWhenReopened() {
		ApiClient api = api();
		TicketFixtures world = new TicketFixtures(jdbc, api);
		String agent = world.token(world.agent);
		String customer = world.token(world.bureauUser);
		long id = world.submitted("两份报告一个口径").get("ticket").get("id").asLong();
		assertThat(api.post("/api/v1/tickets/" + id + "/start", agent, Map.of()).status()).isEqualTo(200);
		resolve(api, agent, id);

		assertThat(resolutionCounted(api, world)).isEqualTo("1/1");

		var reopened = api.post("/api/v1/tickets/" + id + "/reopen", customer, Map.of("comment", "打印机又卡纸了"));
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		assertThat(resolutionCounted(api, world)).isEqualTo("0/0");

		resolve(api, agent, id);
		assertThat(resolutionCounted(api, world)).isEqualTo("1/1");
		var confirmed = api.post("/api/v1/tickets/" + id + "/confirm", customer, Map.of());
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(resolutionCounted(api, world)).isEqualTo("1/1");
	}

	@Test
	void theBreachesOfTheAttainmentPageNameTheirTicketsByNumber() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		var ticket = world.submitted("超时未响应的工单").get("ticket");
		long id = ticket.get("id").asLong();
		// the response target passed an hour ago, while the clock still runs
		jdbc.sql("update sla_clock set due_at = now() - interval '1 hour' where subject_type = 'ticket' and subject_id = ?"
				+ " and kind = 'RESPONSE'")
			.param(String.valueOf(id))
			.update();
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String page = "/sla/attainment?from=" + today + "&to=" + today + "&agreementId=" + world.agreement;

		WebSession manager = new WebSession(port);
		manager.signIn(world.directory.user(world.managementUnit(), "SERVICE_MANAGER"), TestDirectory.PASSWORD,
				null);
		String body = manager.get(page).body();
		assertThat(body).contains("href=\"/tickets/" + id + "\">" + ticket.get("number").asString() + "</a>");
	}

	private static void resolve(ApiClient api, String agent, long id) {
		var resolved = api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "已更换硒鼓"));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
	}

	/** "dashboard/attainment": how many resolution clocks each counts today for the world's provider. */
	private static String resolutionCounted(ApiClient api, TicketFixtures world) {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String period = "from=" + today + "&to=" + today;
		JsonNode summary = api.get("/api/v1/ticket-statistics/summary?" + period, world.token(world.lead)).json();
		JsonNode rows = api.get("/api/v1/sla/attainment?" + period + "&agreementId=" + world.agreement,
				world.managerToken).json().get("rows");
		long attained = 0;
		for (JsonNode row : rows) {
			if (row.get("kind").asString().equals("RESOLUTION") && row.get("priority").isNull()) {
				attained = row.get("counted").asLong();
			}
		}
		return summary.get("resolutionSla").get("counted").asLong() + "/" + attained;
	}
}
