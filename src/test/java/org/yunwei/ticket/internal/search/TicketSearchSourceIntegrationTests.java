package org.yunwei.ticket.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Tickets in global search ({@code GET /api/v1/search}, {@code /search}, {@code /search/suggestions}): found by
 * number and by text within the subject, only within the reader's scope and only by those who read ticket lists; a
 * number opens the ticket, in the portal for its customer and in the workspace for an agent.
 */
class TicketSearchSourceIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;
	String word;
	long ticket;
	String number;

	@BeforeEach
	void aTicketOfTheBureau() {
		api = api();
		world = new TicketFixtures(jdbc, api);
		word = TestDirectory.unique("机房漏水");
		JsonNode created = world.submitted("二楼" + word + "告警").get("ticket");
		ticket = created.get("id").asLong();
		number = created.get("number").asString();
	}

	@Test
	void theCustomerAndTheAgentFindTheTicketEachWithTheirOwnLink() {
		JsonNode customer = tickets(world.token(world.bureauUser), word);
		assertThat(customer.size()).isEqualTo(1);
		assertThat(customer.get(0).get("reference").asString()).isEqualTo(number);
		assertThat(customer.get(0).get("title").asString()).isEqualTo("二楼" + word + "告警");
		assertThat(customer.get(0).get("link").asString()).isEqualTo("/portal/tickets/" + ticket);
		assertThat(customer.get(0).get("status").asString()).isEqualTo("新建");
		assertThat(customer.get(0).get("summary").asString()).contains("打印机");

		JsonNode agent = tickets(world.token(world.agent), word);
		assertThat(agent.size()).isEqualTo(1);
		assertThat(agent.get(0).get("link").asString()).isEqualTo("/tickets/" + ticket);
		assertThat(tickets(world.token(world.agent), number.toLowerCase()).get(0).get("reference").asString())
			.isEqualTo(number);
	}

	@Test
	void nobodyOutsideTheTicketsScopeFindsIt() {
		String otherCustomer = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("CUSTOMER", "另一委办局"), null, "办公室")));
		String otherProvider = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "另一服务商"), null, "一部"), "SERVICE_DESK_AGENT"));
		// the department is below the bureau: it sees its own subtree, not the bureau's tickets
		String department = world.token(world.departmentUser);
		for (String token : List.of(otherCustomer, otherProvider, department)) {
			assertThat(tickets(token, word).size()).isZero();
			assertThat(tickets(token, number).size()).isZero();
		}
	}

	@Test
	void someoneWhoMayNotReadTicketListsFindsNoTicket() {
		// same provider party as the ticket, so the scope alone would let them see it: the permission must not
		String cataloguer = world.token(world.directory.user(world.providerUnit,
				world.directory.role("CATALOG_MANAGE")));
		var response = api.get("/api/v1/search?q=" + encoded(word), cataloguer);
		assertThat(response.status()).isEqualTo(200);
		// other kinds may answer (published knowledge on 机房漏水 is for every reader): no ticket does
		assertThat(response.json().get("groups").valueStream().map(group -> group.get("kind").asString()))
			.doesNotContain("ticket");
		assertThat(tickets(cataloguer, number).size()).isZero();
	}

	@Test
	void eachKindStopsAtItsLimitAndSaysThatThereIsMore() {
		world.submitted("三楼" + word + "告警");
		world.submitted("四楼" + word + "告警");
		JsonNode group = api.get("/api/v1/search?kind=ticket&limit=2&q=" + encoded(word), world.token(world.agent))
			.json().get("groups").get(0);
		assertThat(group.get("kind").asString()).isEqualTo("ticket");
		assertThat(group.get("hits").size()).isEqualTo(2);
		assertThat(group.get("more").asBoolean()).isTrue();
		// newest first, as the ticket list
		assertThat(group.get("hits").get(0).get("title").asString()).startsWith("四楼");
		JsonNode all = api.get("/api/v1/search?limit=3&q=" + encoded(word), world.token(world.agent)).json()
			.get("groups").get(0);
		assertThat(all.get("hits").size()).isEqualTo(3);
		assertThat(all.get("more").asBoolean()).isFalse();
	}

	@Autowired
	MeterRegistry meters;

	@Test
	void eachSourcesTimeIsRecordedByKindSoThatASlowSearchSaysWhichSourceWasSlow() {
		long before = searchesTimed("ticket");
		tickets(world.token(world.agent), word);
		assertThat(searchesTimed("ticket")).isEqualTo(before + 1);
	}

	private long searchesTimed(String kind) {
		Timer timer = meters.find("yunwei.search.source").tag("kind", kind).timer();
		return timer == null ? 0 : timer.count();
	}

	@Test
	void refusesAnEmptyOrTooLongTextAnUnknownKindAndABadLimit() {
		String token = world.token(world.agent);
		assertThat(refusedField(api.get("/api/v1/search", token))).isEqualTo("q");
		assertThat(refusedField(api.get("/api/v1/search?q=%20%20", token))).isEqualTo("q");
		assertThat(refusedField(api.get("/api/v1/search?q=" + encoded("长".repeat(101)), token))).isEqualTo("q");
		assertThat(refusedField(api.get("/api/v1/search?q=x&kind=spaceship", token))).isEqualTo("kind");
		assertThat(refusedField(api.get("/api/v1/search?q=x&limit=0", token))).isEqualTo("limit");
		assertThat(refusedField(api.get("/api/v1/search?q=x&limit=51", token))).isEqualTo("limit");
		assertThat(api.get("/api/v1/search?q=" + encoded("长".repeat(100)), token).status()).isEqualTo(200);
	}

	@Test
	void aNumberInTheTopBarOpensTheTicketWhereTheReaderWorksOnIt() {
		WebSession agent = new WebSession(port);
		agent.signIn(world.agent, TestDirectory.PASSWORD, null);
		var opened = agent.get("/search?q=" + number.toLowerCase());
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location()).endsWith("/tickets/" + ticket);

		WebSession customer = new WebSession(port);
		customer.signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		assertThat(customer.get("/search?q=" + number).location()).endsWith("/portal/tickets/" + ticket);

		WebSession stranger = new WebSession(port);
		stranger.signIn(world.directory.user(world.directory.orgUnit(
				world.directory.party("CUSTOMER", "另一委办局"), null, "办公室")), TestDirectory.PASSWORD, null);
		var notOpened = stranger.get("/search?q=" + number);
		assertThat(notOpened.status()).isEqualTo(200);
		assertThat(notOpened.body()).contains("id=\"search-empty\"").doesNotContain("/tickets/" + ticket);
	}

	@Test
	void textShowsTheResultsGroupedByKindAndSuggestsAFewWhileTyping() {
		WebSession agent = new WebSession(port);
		agent.signIn(world.agent, TestDirectory.PASSWORD, null);
		var page = agent.get("/search?q=" + encoded(word));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"search-group-ticket\"", "id=\"search-count-ticket\"", number,
				"二楼" + word + "告警", "/tickets/" + ticket);

		var english = agent.get("/search?lang=en&q=" + encoded(word));
		assertThat(english.body()).contains("Results for", "Tickets 1", "New").doesNotContain("??", "NEW<");

		var suggestions = agent.htmx("/search/suggestions?q=" + encoded(word));
		assertThat(suggestions.body()).contains("search-suggestion-ticket-0", number).doesNotContain("<html");

		var empty = agent.get("/search");
		assertThat(empty.body()).contains("id=\"search-start\"");
		var tooLong = agent.get("/search?q=" + encoded("长".repeat(101)));
		assertThat(tooLong.body()).contains("id=\"search-problem\"");
	}

	private JsonNode tickets(String token, String text) {
		var response = api.get("/api/v1/search?q=" + encoded(text), token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		for (JsonNode group : response.json().get("groups")) {
			if (group.get("kind").asString().equals("ticket")) {
				return group.get("hits");
			}
		}
		return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
	}

	private static String refusedField(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		return response.json().get("errors").propertyNames().iterator().next();
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
