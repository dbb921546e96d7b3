package org.yunwei.ticket.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Data scope is not permission (issue 14, findings 5 and 6): whoever has no right to read or work tickets — a
 * provider's user without a role, an integration account, the three administrators — neither lists, reads, exports
 * nor changes a ticket that their party's scope would include; reporting reads but changes nothing; confirming a
 * resolution is the customer's alone.
 */
class TicketAccessIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;
	ResolvedTickets resolved;
	long ticket;
	long internalAttachment;

	@BeforeEach
	void aResolvedTicketWithInternalRecords() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		resolved = new ResolvedTickets(world);
		ticket = resolved.resolved("权限测试 " + TestDirectory.unique(""));
		String agent = world.token(world.agent);
		ResolvedTickets.expect(200, api.post(path("/notes"), agent, Map.of("body", "内部备注：客户机房门禁密码 1234")));
		ResolvedTickets.expect(200, api.post(path("/work-log"), agent, Map.of("minutes", 30, "body", "现场排查")));
		String boundary = "----yunwei-access";
		var upload = api.postRaw(path("/attachments?internal=true"), agent, "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"server.log\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nERROR disk full\r\n--" + boundary + "--\r\n",
				"multipart/form-data; boundary=" + boundary);
		ResolvedTickets.expect(201, upload);
		internalAttachment = upload.json().get("id").asLong();
	}

	@Test
	void aProviderUserWithoutARoleNeitherListsNorReadsTheirPartysTickets() {
		String user = world.directory.user(world.providerUnit);
		assertRefusedEverything(world.token(user));
		WebSession pages = new WebSession(port);
		pages.signIn(user, TestDirectory.PASSWORD, null);
		assertThat(pages.get("/tickets").status()).isEqualTo(403);
		assertThat(pages.get("/tickets/" + ticket).status()).isEqualTo(403);
		assertThat(pages.get("/tickets/" + ticket + "/attachments/" + internalAttachment).status()).isEqualTo(403);
	}

	@Test
	void anIntegrationAccountOnlyFeedsAlertsAndNeitherReadsNorAnswersNorConfirmsNorReopens() {
		String integration = world.token(world.directory.user(world.providerUnit, "ALERT_INTEGRATION"));
		assertRefusedEverything(integration);
	}

	@Test
	void theThreeAdministratorsReadAndChangeNoBusinessRecord() {
		for (String role : List.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")) {
			assertRefusedEverything(world.administratorToken(role));
		}
	}

	@Test
	void theServiceLevelManagerReadsTicketsButNeitherConfirmsNorAnswersNorReopens() {
		var read = api.get(path(""), world.managerToken);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(kinds(read.json())).contains("NOTE", "WORK_LOG");
		assertThat(read.json().get("actions").size()).isZero();
		int version = version();
		assertThat(api.post(path("/confirm"), world.managerToken, Map.of()).status()).isEqualTo(403);
		assertThat(api.post(path("/replies"), world.managerToken, Map.of("body", "管理方回复")).status())
			.isEqualTo(403);
		assertThat(api.post(path("/reopen"), world.managerToken, Map.of("comment", "重开")).status())
			.isEqualTo(403);
		assertThat(version()).isEqualTo(version);
	}

	@Test
	void onlyTheCustomerConfirmsAResolution() {
		String agent = world.token(world.agent);
		String lead = world.token(world.lead);
		assertThat(actions(api.get(path(""), agent).json())).contains("CLOSE", "REOPEN").doesNotContain("CONFIRM");
		assertThat(api.post(path("/confirm"), agent, Map.of()).status()).isEqualTo(403);
		assertThat(api.post(path("/confirm"), lead, Map.of()).status()).isEqualTo(403);
		assertThat(resolved.status(ticket)).isEqualTo("RESOLVED");

		String customer = world.token(world.bureauUser);
		assertThat(actions(api.get(path(""), customer).json())).contains("CONFIRM", "REOPEN", "REPLY")
			.doesNotContain("CLOSE", "NOTE");
		var confirmed = api.post(path("/confirm"), customer, Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(resolved.status(ticket)).isEqualTo("CLOSED");
	}

	/** Every read and every change is refused (403) and nothing about the ticket changes. */
	private void assertRefusedEverything(String token) {
		int version = version();
		long entries = entries();
		assertThat(api.get("/api/v1/tickets", token).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/tickets/export", token).status()).isEqualTo(403);
		assertThat(api.get(path(""), token).status()).isEqualTo(403);
		assertThat(api.get(path("/attachments"), token).status()).isEqualTo(403);
		assertThat(api.get(path("/attachments/" + internalAttachment), token).status()).isEqualTo(403);
		assertThat(api.get(path("/rating"), token).status()).isIn(403, 404);
		for (var change : Map.of("/replies", Map.of("body", "你好"), "/confirm", Map.of(), "/reopen",
				Map.of("comment", "没好"), "/notes", Map.of("body", "备注"), "/close", Map.of()).entrySet()) {
			var response = api.post(path(change.getKey()), token, change.getValue());
			assertThat(response.status()).as(change.getKey() + " " + response).isEqualTo(403);
		}
		assertThat(version()).isEqualTo(version);
		assertThat(entries()).isEqualTo(entries);
		assertThat(resolved.status(ticket)).isEqualTo("RESOLVED");
	}


	private String path(String rest) {
		return "/api/v1/tickets/" + ticket + rest;
	}

	private int version() {
		return jdbc.sql("select version from ticket where id = ?").param(ticket).query(Integer.class).single();
	}

	private long entries() {
		return jdbc.sql("select count(*) from ticket_entry where ticket_id = ?").param(ticket).query(Long.class)
			.single();
	}

	private static List<String> kinds(JsonNode view) {
		return view.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
	}

	private static List<String> actions(JsonNode view) {
		return view.get("actions").valueStream().map(JsonNode::asString).toList();
	}
}
