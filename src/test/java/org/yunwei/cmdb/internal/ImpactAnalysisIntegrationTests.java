package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Relations and impact analysis through the API: a failure travels along each relation the way its type says, the
 * walk ends on cycles and reports each reached item once with a shortest path, names the application systems,
 * services and customer units reached, counts what the reader may not see without showing it, and relation changes
 * are kept in both items' history and as of a moment.
 */
class ImpactAnalysisIntegrationTests extends IntegrationTestSupport {

	private CmdbFixtures world;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
	}

	@Test
	void theWalkEndsOnCyclesAndReportsEachItemOnceWithItsShortestPath() {
		// core switch ⇄ access switch (connected, a cycle), server connected to the access switch, VM runs on the
		// server, database runs on the VM, application depends on the database and the VM, service depends on it
		long core = world.create("NETWORK_DEVICE", "核心交换机", Map.of("device_type", "SWITCH"));
		long access = world.create("NETWORK_DEVICE", "接入交换机", Map.of("device_type", "SWITCH"));
		long server = world.create("PHYSICAL_SERVER", "物理机-A", Map.of());
		long vm = world.create("VIRTUAL_MACHINE", "虚拟机-A", Map.of());
		long db = world.create("DATABASE", "达梦数据库", Map.of("db_product", "DM"));
		long app = world.create("APPLICATION_SYSTEM", "不动产登记系统", Map.of("dengbao_level", "L3"));
		long service = world.create("BUSINESS_SERVICE", "不动产登记服务", Map.of());
		world.relate(core, access, "CONNECTED_TO");
		world.relate(access, core, "CONNECTED_TO");
		world.relate(server, access, "CONNECTED_TO");
		world.relate(vm, server, "RUNS_ON");
		world.relate(db, vm, "RUNS_ON");
		world.relate(app, db, "DEPENDS_ON");
		world.relate(app, vm, "DEPENDS_ON");
		world.relate(service, app, "DEPENDS_ON");
		world.relate(app, service, "BACKED_UP_BY");

		String lead = world.token(world.lead);
		var response = api().get("/api/v1/cis/" + core + "/impact?depth=10", lead);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode impact = response.json();
		Map<Long, JsonNode> reached = new HashMap<>();
		impact.get("items").forEach(i -> reached.put(i.get("id").asLong(), i));
		assertThat(impact.get("items")).hasSize(reached.size());
		assertThat(reached.keySet()).containsExactlyInAnyOrder(access, server, vm, db, app, service);
		assertThat(reached.get(app).get("hops").asInt()).isEqualTo(4);
		assertThat(path(reached.get(app))).containsExactly(core, access, server, vm, app);
		assertThat(ids(impact.get("applicationSystems"))).containsExactly(app);
		assertThat(ids(impact.get("services"))).containsExactly(service);
		assertThat(impact.get("customerUnits").get(0).get("id").asLong()).isEqualTo(world.bureau);

		JsonNode near = api().get("/api/v1/cis/" + core + "/impact?depth=2", lead).json();
		assertThat(ids(near.get("items"))).containsExactlyInAnyOrder(access, server);
		JsonNode upstream = api().get("/api/v1/cis/" + app + "/impact?direction=upstream&depth=2", lead).json();
		assertThat(ids(upstream.get("items"))).containsExactlyInAnyOrder(db, vm, service, server);

		var bad = api().get("/api/v1/cis/" + core + "/impact?depth=0&direction=sideways", lead);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").propertyNames()).contains("depth", "direction");
	}

	@Test
	void itemsOutsideTheReadersScopeAreCountedNotShownAndRelationsAreKeptInBothHistories() {
		long server = world.create("PHYSICAL_SERVER", "共享物理机", Map.of());
		long app = world.create("APPLICATION_SYSTEM", "办公系统", Map.of("dengbao_level", "L2"));
		long relation = world.relate(app, server, "RUNS_ON");
		String manager = world.token(world.manager);
		Map<String, Object> foreign = world.item("APPLICATION_SYSTEM", "教育局系统", Map.of("dengbao_level", "L2"));
		foreign.put("customerUnitId", world.otherCustomerUnit);
		var created = api().post("/api/v1/cis", manager, foreign);
		long foreignApp = created.json().get("id").asLong();
		assertThat(api().post("/api/v1/cis/" + foreignApp + "/relations", manager,
				Map.of("targetId", server, "type", "RUNS_ON")).status()).isEqualTo(201);

		JsonNode seenByLead = api().get("/api/v1/cis/" + server + "/impact", world.token(world.lead)).json();
		assertThat(seenByLead.get("total").asInt()).isEqualTo(2);
		assertThat(seenByLead.get("hidden").asInt()).isEqualTo(1);
		assertThat(ids(seenByLead.get("items"))).containsExactly(app);
		assertThat(api().get("/api/v1/cis/" + server + "/relations", world.token(world.lead)).json()).hasSize(1);
		assertThat(api().get("/api/v1/cis/" + server + "/relations", manager).json()).hasSize(2);

		var self = api().post("/api/v1/cis/" + app + "/relations", world.token(world.lead),
				Map.of("targetId", app, "type", "DEPENDS_ON"));
		assertThat(self.status()).isEqualTo(400);
		var twice = api().post("/api/v1/cis/" + app + "/relations", world.token(world.lead),
				Map.of("targetId", server, "type", "RUNS_ON"));
		assertThat(twice.status()).isEqualTo(409);
		var hidden = api().post("/api/v1/cis/" + app + "/relations", world.token(world.lead),
				Map.of("targetId", foreignApp, "type", "DEPENDS_ON"));
		assertThat(hidden.status()).isEqualTo(400);
		assertThat(hidden.json().get("errors").has("targetId")).isTrue();

		String beforeRemoval = jdbc.sql("select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
			.query(String.class).single();
		assertThat(api().delete("/api/v1/cis/" + app + "/relations/" + relation + "?reason=迁移上云",
				world.token(world.lead)).status()).isEqualTo(204);
		assertThat(api().get("/api/v1/cis/" + app + "/relations", world.token(world.lead)).json()).isEmpty();
		assertThat(api().get("/api/v1/cis/" + app + "/relations?at=" + beforeRemoval, world.token(world.lead)).json())
			.hasSize(1);
		List<String> kinds = new ArrayList<>();
		api().get("/api/v1/cis/" + server + "/history", world.token(world.lead)).json().get("items")
			.forEach(h -> kinds.add(h.get("kind").asString()));
		assertThat(kinds).containsSubsequence("RELATION_REMOVED", "RELATION_ADDED", "CREATED");
		JsonNode appHistory = api().get("/api/v1/cis/" + app + "/history", world.token(world.lead)).json()
			.get("items").get(0);
		assertThat(appHistory.get("reason").asString()).isEqualTo("迁移上云");
		assertThat(appHistory.get("changes").get(0).get("before").get("otherId").asLong()).isEqualTo(server);
	}

	private static List<Long> ids(JsonNode items) {
		List<Long> ids = new ArrayList<>();
		items.forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}

	private static List<Long> path(JsonNode item) {
		List<Long> ids = new ArrayList<>();
		item.get("path").forEach(s -> ids.add(s.get("id").asLong()));
		return ids;
	}
}
