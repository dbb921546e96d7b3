package org.yunwei.ticket.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Routing of new tickets through the API: the checks that keep a rule within its provider and every ticket
 * placed, the first matching rule winning over the default, assignment in turn and by load, who is told, and the
 * escalation of a ticket nobody takes. Each test builds its own provider, whose rules no other test sees.
 */
class RoutingIntegrationTests extends IntegrationTestSupport {

	@Autowired
	UnassignedWatch watch;

	private ApiClient api;
	private TicketFixtures world;
	private String lead;

	@BeforeEach
	void world() {
		api = api();
		world = new TicketFixtures(jdbc, api);
		lead = world.token(world.lead);
	}

	@Test
	void rulesStayWithinTheirProviderAndADefaultComesFirst() {
		TicketFixtures other = new TicketFixtures(jdbc, api);
		long before = ruleCount();

		var beforeDefault = api.post("/api/v1/routing-rules", lead, rule("按服务", world.firstLine, "GROUP"));
		assertThat(beforeDefault.status()).as(beforeDefault.body()).isEqualTo(422);
		assertThat(beforeDefault.json().get("errors").has("conditions")).isTrue();

		Map<String, Object> bad = rule(" ", other.firstLine, "SOMETIMES");
		bad.put("serviceId", other.service);
		bad.put("channel", "FAX");
		bad.put("unassignedEscalationPercent", 150);
		bad.put("position", -3);
		bad.put("customerOrgUnitId", other.bureau);
		var refused = api.post("/api/v1/routing-rules", lead, bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("name", "groupId", "serviceId", "channel",
				"assignment", "unassignedEscalationPercent", "position", "customerOrgUnitId");
		assertThat(refused.json().get("errors").get("groupId").asString()).contains("本服务商");

		Map<String, Object> otherProvider = defaultRule(world.firstLine);
		otherProvider.put("providerPartyId", other.providerParty);
		assertThat(api.post("/api/v1/routing-rules", lead, otherProvider).json().get("errors")
			.has("providerPartyId")).isTrue();
		assertThat(ruleCount()).isEqualTo(before);

		long defaultId = create(defaultRule(world.secondLine));
		var second = api.post("/api/v1/routing-rules", lead, defaultRule(world.firstLine));
		assertThat(second.status()).isEqualTo(409);
		long byService = create(rule("按服务", world.firstLine, "GROUP"));
		assertThat(api.delete("/api/v1/routing-rules/" + defaultId, lead).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/routing-rules/" + defaultId, other.token(other.lead)).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/routing-rules/" + byService, lead).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/routing-rules/" + defaultId, lead).status()).isEqualTo(204);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where object_type = 'ticket_routing_rule' and object_id in (?, ?)""")
			.params(String.valueOf(defaultId), String.valueOf(byService)).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void theFirstMatchingRuleWinsOverTheDefaultAndTheGroupIsToldOfATicketNobodyHasTaken() {
		create(defaultRule(world.secondLine));
		Map<String, Object> urgent = rule("紧急事件", world.firstLine, "GROUP");
		urgent.put("priority", "P1");
		create(urgent);

		JsonNode p1 = submitted("打印机卡纸 P1");
		assertThat(p1.get("groupId").asLong()).isEqualTo(world.firstLine);
		assertThat(p1.get("assigneeUserId").isNull()).isTrue();
		assertThat(p1.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(notified(p1, "ticket.unassigned")).containsExactlyInAnyOrder(world.userId(world.lead),
				world.userId(world.agent));

		Map<String, Object> low = world.ticket("打印机偶尔卡纸");
		low.put("impact", 3);
		low.put("urgency", 3);
		JsonNode p4 = api.post("/api/v1/tickets", world.token(world.bureauUser), low).json().get("ticket");
		assertThat(p4.get("groupId").asLong()).isEqualTo(world.secondLine);
		assertThat(jdbc.sql("""
				select details ->> 'routingRule' from ticket_entry where ticket_id = ? and kind = 'ASSIGNED'""")
			.param(p4.get("id").asLong()).query(String.class).single()).isEqualTo("默认");
	}

	@Test
	void roundRobinGivesEachMemberInTurnAndLeastLoadedTheOneWithFewestOpenTickets() {
		long rule = create(rule("默认", world.firstLine, "ROUND_ROBIN", true));
		List<Long> assignees = List.of(submitted("一").get("assigneeUserId").asLong(),
				submitted("二").get("assigneeUserId").asLong(),
				submitted("三").get("assigneeUserId").asLong());
		long leadId = world.userId(world.lead);
		long agentId = world.userId(world.agent);
		assertThat(assignees.get(0)).isNotEqualTo(assignees.get(1));
		assertThat(assignees.get(2)).isEqualTo(assignees.get(0));
		assertThat(assignees).containsOnly(leadId, agentId);
		JsonNode third = submitted("四");
		assertThat(notified(third, "ticket.assigned")).containsExactly(third.get("assigneeUserId").asLong());

		assertThat(api.put("/api/v1/routing-rules/" + rule, lead, rule("默认", world.firstLine, "LEAST_LOADED", true))
			.status()).isEqualTo(200);
		// two each now: the one with fewer open tickets gets the next, whoever that is after a third one more
		long busier = assignees.get(0);
		submitted("五");
		long fewer = jdbc.sql("""
				select assignee_user_id from ticket where assignee_user_id in (?, ?) and status = 'ASSIGNED'
				group by assignee_user_id order by count(*), assignee_user_id limit 1""")
			.params(leadId, agentId).query(Long.class).single();
		assertThat(submitted("六").get("assigneeUserId").asLong()).isEqualTo(fewer);
		assertThat(busier).isIn(leadId, agentId);
	}

	@Test
	void aRoutedTicketNobodyTakesEscalatesOnceWhenItsShareOfTheResponseTargetHasPassed() {
		Map<String, Object> watched = rule("默认", world.firstLine, "GROUP", true);
		watched.put("unassignedEscalationPercent", 50);
		create(watched);
		JsonNode untaken = submitted("无人受理的工单");
		JsonNode taken = submitted("已受理的工单");
		var assign = api.post("/api/v1/tickets/" + taken.get("id").asLong() + "/assign", lead,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent)));
		assertThat(assign.status()).as(assign.body()).isEqualTo(200);

		// P1: 15 minutes to respond, so half of it has passed after eight
		Instant created = Instant.parse(untaken.get("createdAt").asString());
		assertThat(watch.escalateDue(created.plus(Duration.ofMinutes(7)))).isZero();
		assertThat(watch.escalateDue(created.plus(Duration.ofMinutes(8)))).isEqualTo(1);
		assertThat(watch.escalateDue(created.plus(Duration.ofMinutes(9)))).isZero();

		long untakenId = untaken.get("id").asLong();
		assertThat(jdbc.sql("""
				select count(*) from ticket_entry where ticket_id = ? and kind = 'ESCALATED'
				  and (details ->> 'unassigned')::boolean""").param(untakenId).query(Long.class).single())
			.isEqualTo(1);
		assertThat(escalations(taken.get("id").asLong())).isZero();
		assertThat(jdbc.sql("""
				select count(*) from notification where topic = 'ticket.escalated' and link = ? and user_id = ?""")
			.params("/tickets/" + untakenId, world.userId(world.lead)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ticket_unassigned_watch where ticket_id in (?, ?) and settled_at is null")
			.params(untakenId, taken.get("id").asLong()).query(Long.class).single()).isZero();
	}

	@Test
	void aTicketNoRuleRoutesStaysWithTheProviderAndItsDeskManagersAreTold() {
		JsonNode unrouted = submitted("没有规则的服务商");
		assertThat(unrouted.get("groupId").isNull()).isTrue();
		assertThat(unrouted.get("status").asString()).isEqualTo("NEW");
		assertThat(notified(unrouted, "ticket.unassigned")).contains(world.userId(world.lead))
			.doesNotContain(world.userId(world.agent));
	}

	/** The ticket of a portal submission as the bureau's user. */
	private JsonNode submitted(String subject) {
		return world.submitted(subject).get("ticket");
	}

	private long create(Map<String, Object> body) {
		var created = api.post("/api/v1/routing-rules", lead, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Map<String, Object> defaultRule(long groupId) {
		return rule("默认", groupId, "GROUP", true);
	}

	private Map<String, Object> rule(String name, long groupId, String assignment) {
		return rule(name, groupId, assignment, false);
	}

	/** A rule for the world's service, or without conditions. */
	private Map<String, Object> rule(String name, long groupId, String assignment, boolean isDefault) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("groupId", groupId);
		body.put("assignment", assignment);
		if (!isDefault) {
			body.put("serviceId", world.service);
			body.put("position", 10);
		}
		return body;
	}

	private List<Long> notified(JsonNode ticket, String topic) {
		return jdbc.sql("select user_id from notification where topic = ? and link = ?")
			.params(topic, "/tickets/" + ticket.get("id").asLong())
			.query(Long.class)
			.list();
	}

	private long escalations(long ticketId) {
		return jdbc.sql("select count(*) from ticket_entry where ticket_id = ? and kind = 'ESCALATED'")
			.param(ticketId).query(Long.class).single();
	}

	private long ruleCount() {
		return jdbc.sql("select count(*) from ticket_routing_rule").query(Long.class).single();
	}
}
