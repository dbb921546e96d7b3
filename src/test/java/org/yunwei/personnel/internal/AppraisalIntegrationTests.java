package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * A score sheet of management's with a manual item, one scored from the person's ticket timeliness and one from their
 * ticket quality; the desk manager appraises an agent who resolved two tickets in the period, one of them late.
 */
class AppraisalIntegrationTests extends IntegrationTestSupport {

	@Test
	void theTotalWeighsEachItemAndTakesTimelinessFromTheServiceDesk() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String lead = world.token(world.lead);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		// only management's keepers define sheets, and only with weights adding up to 100
		Map<String, Object> sheetBody = map("name", TestDirectory.unique("季度考核表"), "items", List.of(
				map("name", "创新意识", "weight", 30), map("name", "工单及时率", "weight", 50, "source", "TICKET_TIMELINESS"),
				map("name", "工单质量", "weight", 20, "source", "TICKET_QUALITY")));
		assertThat(api().post("/api/v1/appraisals/sheets", lead, sheetBody).status()).isEqualTo(403);
		Response unbalanced = api().post("/api/v1/appraisals/sheets", world.managerToken, map("name", "不平衡",
				"items", List.of(map("name", "创新意识", "weight", 30), map("name", "团队执行力", "weight", 30))));
		assertThat(unbalanced.status()).isEqualTo(400);
		assertThat(unbalanced.body()).contains("items");
		JsonNode sheet = api().post("/api/v1/appraisals/sheets", world.managerToken, sheetBody).json();
		long sheetId = sheet.get("id").asLong();
		long manual = sheet.get("items").get(0).get("id").asLong();
		long quality = sheet.get("items").get(2).get("id").asLong();

		long staffId = api().post("/api/v1/staff", lead, map("userId", world.userId(world.agent))).json().get("id")
			.asLong();
		ResolvedTickets tickets = new ResolvedTickets(world);
		tickets.resolved("打印机卡纸");
		long late = tickets.resolved("显示器无信号");
		jdbc.sql("update ticket set resolution_breached_at = created_at + interval '1 minute' where id = ?").param(late)
			.update();

		Map<String, Object> appraisal = map("sheetId", sheetId, "staffId", staffId, "from", today.toString(),
				"to", today.toString(), "comment", "按时完成巡检");
		// the manual item needs a score; so does quality, which has no rating in the period
		Response missing = api().post("/api/v1/appraisals", lead, appraisal);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("scores[" + manual + "]", "scores[" + quality + "]");
		appraisal.put("scores", List.of(map("itemId", manual, "score", 80), map("itemId", quality, "score", 90)));
		Response created = api().post("/api/v1/appraisals", lead, appraisal);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode view = created.json();
		JsonNode timeliness = view.get("scores").get(1);
		assertThat(timeliness.get("score").decimalValue()).isEqualByComparingTo("50");
		assertThat(timeliness.get("basis").asString()).isEqualTo("1/2");
		// 30 % × 80 + 50 % × 50 + 20 % × 90
		assertThat(view.get("total").decimalValue()).isEqualByComparingTo("67.0");

		// the register: the period's appraisal evidences 5.2.2b; the sheet's 创新意识 item 5.5.2a
		for (String item : List.of("5.2.2b", "5.5.2a")) {
			assertThat(api().get("/api/v1/compliance/items/" + item + "?provider=" + world.providerParty,
					world.managerToken).json().get("item").get("state").asString()).as(item).isEqualTo("EVIDENCED");
		}

		// the history per person, and a reader of another provider sees none of it
		assertThat(api().get("/api/v1/appraisals?staffId=" + staffId, lead).json().get("items")).hasSize(1);
		assertThat(api().get("/api/v1/appraisals/" + view.get("id").asLong(), world.token(world.agent)).status())
			.isEqualTo(403);
		assertThat(api().post("/api/v1/appraisals", lead, map("sheetId", sheetId, "staffId", staffId,
				"from", today.toString(), "to", today.plusDays(1).toString())).body()).contains("\"to\"");
	}
}
