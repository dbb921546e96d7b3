package org.yunwei.ticket.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * The service desk's and the SLA's evidence in the register (the sources live in {@code ticket.internal.evidence}
 * and {@code sla.internal.evidence}; the test sits here for {@link TicketFixtures}): every figure of an evidenced item
 * equals a direct count of the records of its period, for one provider and for all, and a provider never reads
 * another provider's figures.
 */
class EvidenceIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	ApiClient api;
	TicketFixtures first;
	TicketFixtures second;
	/** The period: yesterday to tomorrow, so that a test running across midnight counts the same records. */
	LocalDate from;
	LocalDate to;

	@BeforeEach
	void twoProvidersWithRecords() {
		api = api();
		from = LocalDate.now(ZONE).minusDays(1);
		to = from.plusDays(2);
		first = new TicketFixtures(jdbc, api);
		second = new TicketFixtures(jdbc, api);
		ResolvedTickets testing = new ResolvedTickets(first);
		String agent = first.token(first.agent);

		long worked = first.submitted("打印机卡纸").get("ticket").get("id").asLong();
		ResolvedTickets.expect(200, api.post("/api/v1/tickets/" + worked + "/assign", agent,
				Map.of("groupId", first.firstLine, "assigneeUserId", first.userId(first.agent))));
		ResolvedTickets.expect(200, api.post("/api/v1/tickets/" + worked + "/work-log", agent,
				Map.of("minutes", 25, "body", "清理卡纸并测试打印")));
		testing.resolve(worked);
		ResolvedTickets.expect(201, api.post("/api/v1/tickets/" + worked + "/rating", first.token(first.bureauUser),
				Map.of("score", 1)));
		ResolvedTickets.expect(201, api.post("/api/v1/return-visits", agent, Map.of("ticketId", worked,
				"contact", "张三 13800138000", "result", "SATISFIED", "comment", "已恢复")));
		first.submitted("显示器闪烁");
		long earlier = first.submitted("上周的工单").get("ticket").get("id").asLong();
		// created before the period: counted nowhere in it
		jdbc.sql("update ticket set created_at = created_at - interval '4 days' where id = ?").param(earlier).update();

		second.submitted("网络中断");
	}

	@Test
	void everyFigureOfAProviderEqualsADirectCountOfItsRecordsInThePeriod() {
		JsonNode register = register(first.managerToken, first.providerParty);

		assertThat(register.get("providerPartyId").asLong()).isEqualTo(first.providerParty);
		Map<String, Long> direct = directCounts(first.providerParty);
		assertThat(figures(register)).containsAllEntriesOf(direct);
		assertThat(direct.get("4.3.2c evidence.ticket.created")).isEqualTo(3); // two submitted, one follow-up
		assertThat(direct.get("6.1.2b evidence.work-log.minutes")).isEqualTo(25);
		assertThat(direct.get("6.1.2e evidence.return-visit.made")).isEqualTo(1);
		assertThat(direct.get("6.1.2c evidence.rating.low")).isEqualTo(1);
		assertThat(direct.get("7.2.2a evidence.agreement.in-force")).isEqualTo(1);
		assertThat(state(register, "6.1.2e")).isEqualTo("EVIDENCED");
		assertThat(state(register, "5.4.2c")).isEqualTo("EVIDENCED");
		assertThat(item(register, "5.4.2c").get("links").get(0).get("href").asString())
			.isEqualTo("/tickets/statistics/assignees?from=" + from + "&to=" + to + "&provider=" + first.providerParty);
		assertThat(item(register, "6.1.2e").get("gaps").size()).isZero();
	}

	@Test
	void theFiguresOfAllProvidersEqualADirectCountOfAllRecords() {
		JsonNode register = register(first.managerToken, null);

		assertThat(register.get("providerPartyId").isNull()).isTrue();
		assertThat(figures(register)).containsAllEntriesOf(directCounts(null));
	}

	@Test
	void aProviderReadsItsOwnFiguresWhicheverProviderItNames() {
		String lead = first.token(first.lead);

		JsonNode own = register(lead, second.providerParty);

		assertThat(own.get("providerPartyId").asLong()).isEqualTo(first.providerParty);
		assertThat(figures(own)).containsAllEntriesOf(directCounts(first.providerParty));
		assertThat(figures(own).get("4.3.2c evidence.ticket.created")).isEqualTo(3);
		JsonNode item = api.get("/api/v1/compliance/items/4.3.2c?from=" + from + "&to=" + to + "&provider="
				+ second.providerParty, lead).json();
		assertThat(item.get("providerPartyId").asLong()).isEqualTo(first.providerParty);
		assertThat(item.get("item").get("figures").get(0).get("value").asLong()).isEqualTo(3);

		JsonNode others = register(first.managerToken, second.providerParty);
		assertThat(figures(others).get("4.3.2c evidence.ticket.created")).isEqualTo(1);
		assertThat(figures(others)).containsAllEntriesOf(directCounts(second.providerParty));
	}

	@Test
	void flagsAProviderWithoutAReturnVisitInTheLastThirtyDays() {
		JsonNode register = register(second.managerToken, second.providerParty);

		assertThat(item(register, "6.1.2e").get("gaps").get(0).asString()).isEqualTo("近 30 天没有记录回访");
		assertThat(item(register, "6.1.2b").get("gaps").get(0).asString()).isEqualTo("近 30 天没有记录工作日志");
	}

	private JsonNode register(String token, Long provider) {
		var response = api.get("/api/v1/compliance/items?from=" + from + "&to=" + to
				+ (provider == null ? "" : "&provider=" + provider), token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode item(JsonNode register, String id) {
		for (JsonNode chapter : register.get("chapters")) {
			for (JsonNode item : chapter.get("items")) {
				if (item.get("id").asString().equals(id)) {
					return item;
				}
			}
		}
		throw new AssertionError("no item " + id);
	}

	private static String state(JsonNode register, String id) {
		return item(register, id).get("state").asString();
	}

	/** Every figure of the register as "item key" → value. */
	private static Map<String, Long> figures(JsonNode register) {
		Map<String, Long> figures = new LinkedHashMap<>();
		for (JsonNode chapter : register.get("chapters")) {
			for (JsonNode item : chapter.get("items")) {
				for (JsonNode figure : item.get("figures")) {
					figures.put(item.get("id").asString() + " " + figure.get("key").asString(),
							figure.get("value").asLong());
				}
			}
		}
		return figures;
	}

	/** The same figures, counted straight from the tables for the period and provider. */
	private Map<String, Long> directCounts(Long provider) {
		Timestamp start = Timestamp.from(from.atStartOfDay(ZONE).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant());
		String tp = provider == null ? "true" : "t.provider_party_id = " + provider;
		String created = " from ticket t where " + tp + " and t.created_at >= ? and t.created_at < ?";
		String resolved = " from ticket t where " + tp + " and t.resolved_at >= ? and t.resolved_at < ?";
		Map<String, Long> counts = new LinkedHashMap<>();
		List<String[]> queries = new ArrayList<>(List.of(
				new String[] { "4.3.2c evidence.ticket.created", "select count(*)" + created },
				new String[] { "4.3.2c evidence.ticket.resolved", "select count(*)" + resolved },
				new String[] { "4.3.2c evidence.ticket.closed",
						"select count(*) from ticket t where " + tp + " and t.closed_at >= ? and t.closed_at < ?" },
				new String[] { "4.4.2b evidence.incident.created", "select count(*)" + created + " and t.type = 'INCIDENT'" },
				new String[] { "4.4.2b evidence.incident.done",
						"select count(*)" + created + " and t.type = 'INCIDENT' and t.status in ('RESOLVED', 'CLOSED')" },
				new String[] { "7.2.2b evidence.incident.high",
						"select count(*)" + created + " and t.type = 'INCIDENT' and t.priority in ('P1', 'P2')" },
				new String[] { "6.1.2d evidence.ticket.created", "select count(*)" + created },
				new String[] { "7.2.2d evidence.ticket.resolved", "select count(*)" + resolved },
				new String[] { "5.4.2c evidence.timeliness.sla-counted",
						"select count(*)" + resolved + " and t.agreement_id is not null" },
				new String[] { "5.4.2c evidence.timeliness.response-met",
						"select count(*)" + resolved + " and t.agreement_id is not null and t.response_breached_at is null" },
				new String[] { "10.1.2a evidence.automation.monitoring-tickets",
						"select count(*)" + created + " and t.channel = 'MONITORING'" },
				new String[] { "6.1.2b evidence.work-log.entries", "select count(*) from ticket_entry e join ticket t on "
						+ "t.id = e.ticket_id where " + tp + " and e.kind = 'WORK_LOG' and e.created_at >= ? and e.created_at < ?" },
				new String[] { "6.1.2b evidence.work-log.minutes", "select coalesce(sum(e.minutes_spent), 0) from ticket_entry e "
						+ "join ticket t on t.id = e.ticket_id where " + tp
						+ " and e.kind = 'WORK_LOG' and e.created_at >= ? and e.created_at < ?" },
				new String[] { "7.2.2c evidence.escalation.happened", "select count(*) from ticket_entry e join ticket t on "
						+ "t.id = e.ticket_id where " + tp + " and e.kind = 'ESCALATED' and e.created_at >= ? and e.created_at < ?" },
				new String[] { "6.1.2c evidence.rating.given", "select count(*) from ticket_rating r join ticket t on "
						+ "t.id = r.ticket_id where " + tp + " and r.rated_at >= ? and r.rated_at < ?" },
				new String[] { "6.1.2c evidence.rating.low", "select count(*) from ticket_rating r join ticket t on "
						+ "t.id = r.ticket_id where " + tp + " and r.score <= 2 and r.rated_at >= ? and r.rated_at < ?" },
				new String[] { "6.1.2c evidence.rating.followed-up", "select count(*) from ticket_rating r join ticket t on "
						+ "t.id = r.ticket_id where " + tp
						+ " and r.follow_up_ticket_id is not null and r.rated_at >= ? and r.rated_at < ?" },
				new String[] { "6.1.2e evidence.return-visit.made", "select count(*) from ticket_return_visit v join ticket t "
						+ "on t.id = v.ticket_id where " + tp + " and v.called_at >= ? and v.called_at < ?" },
				new String[] { "6.1.2e evidence.return-visit.satisfied", "select count(*) from ticket_return_visit v join "
						+ "ticket t on t.id = v.ticket_id where " + tp
						+ " and v.result in ('SATISFIED', 'BASICALLY_SATISFIED') and v.called_at >= ? and v.called_at < ?" }));
		for (String[] query : queries) {
			counts.put(query[0], jdbc.sql(query[1]).params(start, end).query(Long.class).single());
		}
		String ap = provider == null ? "true" : "a.provider_party_id = " + provider;
		String inForce = " from service_level_agreement a where " + ap
				+ " and a.enabled and a.valid_from <= ? and (a.valid_to is null or a.valid_to >= ?)";
		java.sql.Date first = java.sql.Date.valueOf(from);
		java.sql.Date last = java.sql.Date.valueOf(to);
		counts.put("7.2.2a evidence.agreement.in-force",
				jdbc.sql("select count(*)" + inForce).params(last, first).query(Long.class).single());
		counts.put("7.2.2c evidence.escalation.functional-steps", jdbc.sql("select count(*) from sla_escalation e "
				+ "where e.kind = 'FUNCTIONAL' and e.agreement_id in (select a.id" + inForce + ")").params(last, first)
			.query(Long.class).single());
		return counts;
	}
}
