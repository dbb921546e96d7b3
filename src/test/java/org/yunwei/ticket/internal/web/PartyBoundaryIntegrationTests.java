package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * No reference moves a record between parties (issue 14, findings 1–4 and 8c): two providers, each serving its own
 * customer through the catalogue ({@link TicketFixtures} twice). A provider's group escalates only within its party
 * or to management, an agreement's functional step names a group that exists, an agent (or an alert route) records
 * tickets only for the units their party serves and reporters of that unit, a coordinator is a person of the ticket's provider, and
 * the new-ticket form and its reporter picker offer only the served units and their people.
 */
class PartyBoundaryIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures ours;
	TicketFixtures theirs;

	@BeforeEach
	void twoProvidersEachWithItsCustomer() {
		api = new ApiClient(port);
		ours = new TicketFixtures(jdbc, api);
		theirs = new TicketFixtures(jdbc, api);
	}

	@Test
	void aGroupEscalatesOnlyWithinItsPartyOrToManagement() {
		String lead = ours.token(ours.lead);
		long groupsBefore = groups();

		var refused = api.post("/api/v1/ticket-groups", lead, group(TestDirectory.unique("X-"), theirs.secondLine));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("escalationGroupId")).isTrue();
		assertThat(groups()).isEqualTo(groupsBefore);

		var changed = api.put("/api/v1/ticket-groups/" + ours.firstLine, lead,
				group(jdbc.sql("select code from ticket_group where id = ?").param(ours.firstLine).query(String.class)
					.single(), theirs.secondLine));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
		assertThat(changed.json().get("errors").has("escalationGroupId")).isTrue();
		assertThat(jdbc.sql("select escalation_group_id from ticket_group where id = ?").param(ours.firstLine)
			.query(Long.class).single()).isEqualTo(ours.secondLine);

		var withinParty = api.post("/api/v1/ticket-groups", lead, group(TestDirectory.unique("Y-"), ours.secondLine));
		assertThat(withinParty.status()).as(withinParty.toString()).isEqualTo(201);
	}

	@Test
	void aGroupPageRefusesAnotherProvidersGroupBesideTheField() {
		WebSession lead = signedIn(ours.lead);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", TestDirectory.unique("W-"));
		form.put("name", "跨方升级组");
		form.put("escalationGroupId", String.valueOf(theirs.secondLine));
		form.put("memberIds", String.valueOf(ours.userId(ours.agent)));
		long before = groups();

		var refused = lead.submit("/tickets/groups/new", "/tickets/groups", form);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"escalationGroupId-error\"");
		assertThat(groups()).isEqualTo(before);
	}

	@Test
	void anAgreementsFunctionalStepNamesAnEnabledGroupOfItsProviderOrManagement() {
		for (String target : List.of(TestDirectory.unique("NOPE-"), code(theirs.secondLine))) {
			var refused = api.post("/api/v1/sla/agreements", ours.managerToken, agreement(target));
			assertThat(refused.status()).as(target + " " + refused).isEqualTo(400);
			assertThat(refused.json().get("errors").has("escalations[0].target")).as(refused.toString()).isTrue();
		}
		jdbc.sql("update ticket_group set enabled = false where id = ?").param(ours.secondLine).update();
		var disabled = api.post("/api/v1/sla/agreements", ours.managerToken, agreement(code(ours.secondLine)));
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(400);
		jdbc.sql("update ticket_group set enabled = true where id = ?").param(ours.secondLine).update();
		var accepted = api.post("/api/v1/sla/agreements", ours.managerToken, agreement(code(ours.secondLine)));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
	}

	@Test
	void anAgentRecordsTicketsOnlyForServedUnitsAndTheirReporters() {
		String agent = ours.token(ours.agent);
		long before = tickets();

		var otherCustomer = api.post("/api/v1/tickets", agent,
				phoneCall(theirs.bureau, theirs.userId(theirs.bureauUser)));
		assertThat(otherCustomer.status()).as(otherCustomer.toString()).isEqualTo(400);
		assertThat(otherCustomer.json().get("errors").has("customerOrgUnitId")).isTrue();

		// the bureau's user is of the right customer, but not of the department the ticket is for
		var otherUnit = api.post("/api/v1/tickets", agent, phoneCall(ours.department, ours.userId(ours.bureauUser)));
		assertThat(otherUnit.status()).as(otherUnit.toString()).isEqualTo(400);
		assertThat(otherUnit.json().get("errors").has("reporterUserId")).isTrue();
		assertThat(tickets()).isEqualTo(before);

		// a served unit below the one that orders the service, with its own reporter; and a unit's reporter below it
		assertThat(api.post("/api/v1/tickets", agent, phoneCall(ours.department, ours.userId(ours.departmentUser)))
			.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/tickets", agent, phoneCall(ours.bureau, ours.userId(ours.departmentUser)))
			.status()).isEqualTo(201);
	}

	@Test
	void thePhoneFormRefusesAnUnservedUnitBesideTheField() {
		WebSession agent = signedIn(ours.agent);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "INCIDENT");
		form.put("subject", "电话报修：他方单位");
		form.put("description", "打印机卡纸");
		form.put("customerOrgUnitId", String.valueOf(theirs.bureau));
		form.put("reporterName", "王五");
		form.put("channel", "PHONE");
		form.put("impact", "2");
		form.put("urgency", "2");
		long before = tickets();

		var refused = agent.submit("/tickets/new", "/tickets", form);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"customerOrgUnitId-error\"");
		assertThat(tickets()).isEqualTo(before);
	}

	@Test
	void anAlertRouteOpensTicketsOnlyForUnitsItsProviderServes() {
		long account = ours.userId(ours.directory.user(ours.providerUnit, "ALERT_INTEGRATION"));
		String lead = ours.token(ours.lead);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountUserId", account);
		body.put("name", "默认路由");
		body.put("customerOrgUnitId", theirs.bureau);
		body.put("groupId", ours.firstLine);

		var refused = api.post("/api/v1/alert-routes", lead, body);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("customerOrgUnitId")).isTrue();
		assertThat(jdbc.sql("select count(*) from alert_route where account_user_id = ?").param(account)
			.query(Long.class).single()).isZero();

		body.put("customerOrgUnitId", ours.department);
		assertThat(api.post("/api/v1/alert-routes", lead, body).status()).isEqualTo(201);
	}

	@Test
	void aCoordinatorIsAPersonOfTheTicketsProviderOrManagement() {
		long id = ours.submitted("核心业务系统瘫痪").get("ticket").get("id").asLong();
		String agent = ours.token(ours.agent);

		var refused = api.post("/api/v1/tickets/" + id + "/major", agent,
				Map.of("major", true, "coordinatorUserId", theirs.userId(theirs.lead)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("coordinatorUserId")).isTrue();
		assertThat(jdbc.sql("select major from ticket where id = ?").param(id).query(Boolean.class).single()).isFalse();

		WebSession page = signedIn(ours.agent);
		var refusedOnPage = page.submit("/tickets/" + id, "/tickets/" + id + "/major",
				Map.of("major", "on", "coordinatorUserId", String.valueOf(theirs.userId(theirs.lead))));
		assertThat(refusedOnPage.status()).isEqualTo(200);
		assertThat(refusedOnPage.body()).contains("major-coordinator-error");
		assertThat(jdbc.sql("select major from ticket where id = ?").param(id).query(Boolean.class).single()).isFalse();

		var accepted = api.post("/api/v1/tickets/" + id + "/major", agent,
				Map.of("major", true, "coordinatorUserId", ours.userId(ours.lead)));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
	}

	@Test
	void theReporterPickerAnswersOnlyForServedUnitsWithoutFullPhoneNumbers() {
		jdbc.sql("update app_user set phone = '13912345678' where username = ?").param(ours.departmentUser).update();
		jdbc.sql("update app_user set phone = '13887654321' where username = ?").param(theirs.bureauUser).update();
		WebSession agent = signedIn(ours.agent);

		var others = agent.htmx("/tickets/new/reporters?customerOrgUnitId=" + theirs.bureau);
		assertThat(others.body()).doesNotContain(theirs.bureauUser, "13887654321");

		var department = agent.htmx("/tickets/new/reporters?customerOrgUnitId=" + ours.department);
		assertThat(department.status()).isEqualTo(200);
		// the department's people only (the bureau above it is not the caller's unit) and no full number
		assertThat(department.body()).contains("测试用户 " + ours.departmentUser, "5678")
			.doesNotContain(ours.bureauUser, "13912345678");
	}

	/**
	 * The group form's people picker names only the people of a party the caller may place a group in: a provider's
	 * desk manager their own party's, never another provider's nor a customer's; management every provider's and its
	 * own, never a customer's, though its scope covers every party.
	 */
	@Test
	void theGroupMemberPickerListsOnlyPeopleOfPartiesAGroupMayBelongTo() {
		WebSession lead = signedIn(ours.lead);
		assertThat(lead.htmx("/tickets/groups/people?partyId=" + ours.providerParty).body())
			.contains(ours.agent);
		assertThat(lead.htmx("/tickets/groups/people?partyId=" + theirs.providerParty).body())
			.doesNotContain(theirs.agent, theirs.lead);
		assertThat(lead.htmx("/tickets/groups/people?partyId=" + ours.customerParty).body())
			.doesNotContain(ours.bureauUser);

		WebSession management = signedIn(ours.directory.user(ours.managementUnit(), "SERVICE_DESK_MANAGER"));
		assertThat(management.htmx("/tickets/groups/people?partyId=" + theirs.providerParty).body())
			.contains(theirs.agent);
		assertThat(management.htmx("/tickets/groups/people?partyId=" + ours.customerParty).body())
			.doesNotContain(ours.bureauUser, ours.departmentUser);
	}

	@Test
	void theNewTicketFormListsOnlyTheUnitsThePartyServes() {
		String form = signedIn(ours.agent).get("/tickets/new").body();
		assertThat(form).contains("value=\"" + ours.bureau + "\"", "value=\"" + ours.department + "\"")
			.doesNotContain("value=\"" + theirs.bureau + "\"", "value=\"" + theirs.department + "\"");
	}

	private Map<String, Object> group(String code, long escalation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", code + " 组");
		body.put("memberIds", List.of(ours.userId(ours.agent)));
		body.put("escalationGroupId", escalation);
		return body;
	}

	private Map<String, Object> phoneCall(long unit, long reporter) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "INCIDENT");
		body.put("subject", "电话报修 " + TestDirectory.unique(""));
		body.put("description", "办公电脑无法开机。");
		body.put("customerOrgUnitId", unit);
		body.put("reporterUserId", reporter);
		body.put("channel", "PHONE");
		body.put("impact", 2);
		body.put("urgency", 2);
		return body;
	}

	private Map<String, Object> agreement(String functionalTarget) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", TestDirectory.unique("SLA-"));
		body.put("name", "边界测试协议 " + TestDirectory.unique(""));
		body.put("providerPartyId", ours.providerParty);
		body.put("customerOrgUnitId", ours.department);
		body.put("validFrom", "2025-01-01");
		body.put("serviceIds", List.of(ours.service));
		List<Map<String, Object>> targets = new ArrayList<>();
		for (String priority : List.of("P1", "P2", "P3", "P4")) {
			targets.add(Map.of("priority", priority, "responseMinutes", 60, "responseBasis", "CALENDAR",
					"resolutionMinutes", 480, "resolutionBasis", "CALENDAR", "thresholds", List.of(50, 75, 90)));
		}
		body.put("targets", targets);
		body.put("escalations", List.of(Map.of("priority", "P1", "thresholdPercent", 100, "order", 1,
				"kind", "FUNCTIONAL", "target", functionalTarget)));
		return body;
	}

	private String code(long group) {
		return jdbc.sql("select code from ticket_group where id = ?").param(group).query(String.class).single();
	}

	private long groups() {
		return jdbc.sql("select count(*) from ticket_group").query(Long.class).single();
	}

	private long tickets() {
		return jdbc.sql("select count(*) from ticket").query(Long.class).single();
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}
}
