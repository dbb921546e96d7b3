package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Spare parts and consumables through the API: stock per location, receipts, issues and returns against tickets that
 * never take the stock below zero nor return more than went out, the low-stock warning, and who sees and keeps which
 * parts. Refused input changes nothing.
 */
class SparePartIntegrationTests extends IntegrationTestSupport {

	@Test
	void stockIsReceivedIssuedAndReturnedAgainstTicketsAndWarnsWhenLow() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String lead = world.token(world.lead);
		long parts = count("ci_spare_part");
		var refused = api().post("/api/v1/spare-parts", lead, Map.of("name", " ", "kind", "GADGET", "unitName", "个",
				"minimumStock", -1));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("name", "kind", "minimumStock");
		assertThat(count("ci_spare_part")).isEqualTo(parts);

		String name = TestDirectory.unique("交换机电源模块");
		var created = api().post("/api/v1/spare-parts", lead, Map.of("name", name, "kind", "SPARE_PART",
				"model", "PSU-150W", "unitName", "个", "minimumStock", 2));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long part = created.json().get("id").asLong();
		assertThat(created.json().get("low").asBoolean()).isTrue();
		assertThat(created.json().get("providerPartyId").asLong()).isEqualTo(world.providerParty);

		assertThat(move(lead, part, "RECEIVED", "一号机房备件柜", 3, null).status()).isEqualTo(201);
		JsonNode stocked = api().get("/api/v1/spare-parts/" + part, lead).json();
		assertThat(stocked.get("total").asInt()).isEqualTo(3);
		assertThat(stocked.get("low").asBoolean()).isFalse();

		long ticketId = world.submitted("核心交换机电源故障").get("ticket").get("id").asLong();
		String number = jdbc.sql("select number from ticket where id = ?").param(ticketId).query(String.class).single();
		var noTicket = move(lead, part, "ISSUED", "一号机房备件柜", 1, null);
		assertThat(noTicket.status()).isEqualTo(400);
		assertThat(noTicket.json().get("errors").propertyNames()).contains("ticketNumber");
		assertThat(move(lead, part, "ISSUED", "一号机房备件柜", 1, "INC-19990101-9999").status()).isEqualTo(400);
		var short_ = move(lead, part, "ISSUED", "一号机房备件柜", 5, number);
		assertThat(short_.status()).isEqualTo(422);
		assertThat(short_.body()).contains("spare-stock-short");
		assertThat(move(lead, part, "ISSUED", "二号机房", 1, number).status()).isEqualTo(422);

		var issued = move(lead, part, "ISSUED", "一号机房备件柜", 2, number.toLowerCase());
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		assertThat(issued.json().get("ticketNumber").asString()).isEqualTo(number);
		assertThat(api().get("/api/v1/spare-parts?low=true", lead).json().toString()).contains(name);
		assertThat(move(lead, part, "RETURNED", "一号机房备件柜", 3, number).status()).isEqualTo(422);
		assertThat(move(lead, part, "RETURNED", "一号机房备件柜", 1, number).status()).isEqualTo(201);

		JsonNode after = api().get("/api/v1/spare-parts/" + part, lead).json();
		assertThat(after.get("total").asInt()).isEqualTo(2);
		assertThat(after.get("stock").toString()).contains("一号机房备件柜");
		List<String> kinds = new ArrayList<>();
		api().get("/api/v1/spare-parts/" + part + "/movements", lead).json().get("items")
			.forEach(m -> kinds.add(m.get("kind").asString()));
		assertThat(kinds).containsExactly("RETURNED", "ISSUED", "RECEIVED");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'SPARE_STOCK_MOVED' and object_id = ?")
			.param(String.valueOf(part)).query(Long.class).single()).isEqualTo(3);

		// another provider does not see the part; a customer keeps no stock; supervision reads, never writes
		long other = world.directory.party("PROVIDER", "另一服务商");
		String otherLead = world.token(world.directory.user(world.directory.orgUnit(other, null, "运维部"),
				"SERVICE_DESK_MANAGER"));
		assertThat(api().get("/api/v1/spare-parts/" + part, otherLead).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/spare-parts", otherLead).json().toString()).doesNotContain(name);
		assertThat(move(otherLead, part, "RECEIVED", "库房", 1, null).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/spare-parts", world.token(world.bureauUser)).status()).isEqualTo(403);
		String supervisor = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", "监理公司"), null, "监理组"), "SUPERVISOR"));
		assertThat(api().get("/api/v1/spare-parts/" + part, supervisor).status()).isEqualTo(200);
		assertThat(move(supervisor, part, "RECEIVED", "库房", 1, null).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/spare-parts/" + part, lead).json().get("total").asInt()).isEqualTo(2);
	}

	@Test
	void theKeepersHearOnceWhenAPartFallsBelowItsMinimumAndAgainOnlyAfterItRecovered() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String lead = world.token(world.lead);
		long leadId = world.directory.userId(world.lead);
		var created = api().post("/api/v1/spare-parts", lead, Map.of("name", TestDirectory.unique("光模块"),
				"kind", "SPARE_PART", "model", "SFP-10G-LR", "unitName", "个", "minimumStock", 3));
		long part = created.json().get("id").asLong();
		long ticketId = world.submitted("光模块故障").get("ticket").get("id").asLong();
		String number = jdbc.sql("select number from ticket where id = ?").param(ticketId).query(String.class).single();

		// received above the minimum: nobody is told; the first fall below it tells the keepers
		assertThat(move(lead, part, "RECEIVED", "备件库", 5, null).status()).isEqualTo(201);
		assertThat(warnings(part, leadId)).isZero();
		assertThat(move(lead, part, "ISSUED", "备件库", 3, number).status()).isEqualTo(201);
		assertThat(warnings(part, leadId)).isEqualTo(1);
		String subject = jdbc.sql("select subject from notification where link = ? and user_id = ?")
			.params("/cmdb/spares/" + part, leadId).query(String.class).single();
		assertThat(subject).contains("库存不足", "光模块");
		// still low: a further issue tells nobody again
		assertThat(move(lead, part, "ISSUED", "备件库", 1, number).status()).isEqualTo(201);
		assertThat(warnings(part, leadId)).isEqualTo(1);
		// back at the minimum, then below it again: told once more
		assertThat(move(lead, part, "RETURNED", "备件库", 2, number).status()).isEqualTo(201);
		assertThat(warnings(part, leadId)).isEqualTo(1);
		assertThat(move(lead, part, "ISSUED", "备件库", 1, number).status()).isEqualTo(201);
		assertThat(warnings(part, leadId)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'SPARE_LOW_STOCK_WARNED' and object_id = ?")
			.param(String.valueOf(part)).query(Long.class).single()).isEqualTo(2);
		// an agent without the right to keep stock is not a keeper
		long agentId = world.directory.userId(world.agent);
		assertThat(warnings(part, agentId)).isZero();
	}

	private long warnings(long part, long userId) {
		return jdbc.sql("select count(*) from notification where topic = 'cmdb.spare.low-stock' and link = ? "
				+ "and user_id = ?").params("/cmdb/spares/" + part, userId).query(Long.class).single();
	}

	private org.yunwei.support.ApiClient.Response move(String token, long part, String kind, String location,
			int quantity, String ticketNumber) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("kind", kind);
		body.put("location", location);
		body.put("quantity", quantity);
		body.put("ticketNumber", ticketNumber);
		return api().post("/api/v1/spare-parts/" + part + "/movements", token, body);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
