package org.yunwei.ticket.internal.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/** Links between tickets: parent and child, duplicates, related; never to itself, twice, in a loop or out of sight. */
class TicketLinkApiIntegrationTests extends IntegrationTestSupport {

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
	void aParentLinkShowsOnBothTicketsWithTheirRolesAndComesOffAgain() {
		JsonNode major = world.submitted("机房断电").get("ticket");
		JsonNode report = world.submitted("三楼无法上网").get("ticket");

		var linked = api.post("/api/v1/tickets/" + major.get("id").asLong() + "/links", agent,
				Map.of("otherNumber", report.get("number").asString().toLowerCase(), "kind", "PARENT_OF"));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
		assertThat(linked.json().get(0).get("role").asString()).isEqualTo("CHILD");

		JsonNode child = api.get("/api/v1/tickets/" + report.get("id").asLong(), agent).json();
		assertThat(child.get("links").get(0).get("role").asString()).isEqualTo("PARENT");
		assertThat(child.get("links").get(0).get("otherNumber").asString()).isEqualTo(major.get("number").asString());
		assertThat(child.get("timeline").valueStream().map(e -> e.get("kind").asString())).contains("LINKED");
		assertThat(audits("TICKET_LINKED", major.get("id").asLong())).isEqualTo(1);

		var removed = api.delete("/api/v1/tickets/" + report.get("id").asLong() + "/links/" + major.get("id").asLong()
				+ "?kind=PARENT_OF", agent);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.json().size()).isZero();
		assertThat(api.delete("/api/v1/tickets/" + report.get("id").asLong() + "/links/" + major.get("id").asLong()
				+ "?kind=PARENT_OF", agent).status()).isEqualTo(404);
		assertThat(audits("TICKET_UNLINKED", report.get("id").asLong())).isEqualTo(1);
	}

	@Test
	void selfLinksDuplicatesLoopsAndInvisibleTicketsAreRefusedAndChangeNothing() {
		long a = world.submitted("甲").get("ticket").get("id").asLong();
		long b = world.submitted("乙").get("ticket").get("id").asLong();
		long c = world.submitted("丙").get("ticket").get("id").asLong();

		var self = api.post("/api/v1/tickets/" + a + "/links", agent, Map.of("otherTicketId", a, "kind", "RELATED"));
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.json().get("errors").has("otherNumber")).isTrue();

		assertThat(link(a, b, "RELATED").status()).isEqualTo(201);
		var twice = link(b, a, "RELATED");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("errors").has("otherNumber")).isTrue();

		assertThat(link(a, b, "PARENT_OF").status()).isEqualTo(201);
		assertThat(link(b, c, "PARENT_OF").status()).isEqualTo(201);
		var loop = link(c, a, "PARENT_OF");
		assertThat(loop.status()).isEqualTo(422);
		assertThat(loop.json().get("type").asString()).isEqualTo("urn:yunwei:problem:link-cycle");
		assertThat(link(b, a, "PARENT_OF").status()).isEqualTo(422);

		var badKind = link(a, c, "SIBLING");
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.json().get("errors").has("kind")).isTrue();

		String otherProvider = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "别家运维"), null, "一部"), "SERVICE_DESK_AGENT"));
		assertThat(api.post("/api/v1/tickets/" + a + "/links", otherProvider,
				Map.of("otherTicketId", c, "kind", "RELATED")).status()).isEqualTo(404);
		var customer = api.post("/api/v1/tickets/" + a + "/links", world.token(world.bureauUser),
				Map.of("otherTicketId", c, "kind", "RELATED"));
		assertThat(customer.status()).isEqualTo(403);

		assertThat(jdbc.sql("select count(*) from ticket_link where ticket_id in (?, ?, ?)").params(a, b, c)
			.query(Long.class).single()).isEqualTo(3);
	}

	private ApiClient.Response link(long from, long to, String kind) {
		return api.post("/api/v1/tickets/" + from + "/links", agent, Map.of("otherTicketId", to, "kind", kind));
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single();
	}
}
