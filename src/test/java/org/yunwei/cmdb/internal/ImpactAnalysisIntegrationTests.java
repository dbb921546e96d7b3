package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * Relations and impact analysis through the API: a failure travels along each relation the way its type says, the
 * walk ends on cycles and reports each reached item once with a shortest path, names the application systems,
 * services and customer units reached (each list up to the asked limit, with its total), counts what the reader may
 * not see without showing it, and relation changes are kept in both items' history and as of a moment.
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

	@Test
	void applicationSystemsAndServicesAreListedUpToTheLimitWithTheirTotalsAndPaths() {
		long server = world.create("PHYSICAL_SERVER", "分页-物理机", Map.of());
		List<Long> apps = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long app = world.create("APPLICATION_SYSTEM", "分页-应用" + i, Map.of("dengbao_level", "L2"));
			world.relate(app, server, "RUNS_ON");
			apps.add(app);
		}
		List<Long> services = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long service = world.create("BUSINESS_SERVICE", "分页-服务" + i, Map.of());
			world.relate(service, apps.getFirst(), "DEPENDS_ON");
			services.add(service);
		}
		// an application system of another customer: counted as hidden for the provider, not in its totals
		String manager = world.token(world.manager);
		Map<String, Object> foreign = world.item("APPLICATION_SYSTEM", "分页-教育局系统", Map.of("dengbao_level", "L2"));
		foreign.put("customerUnitId", world.otherCustomerUnit);
		long foreignApp = api().post("/api/v1/cis", manager, foreign).json().get("id").asLong();
		assertThat(api().post("/api/v1/cis/" + foreignApp + "/relations", manager,
				Map.of("targetId", server, "type", "RUNS_ON")).status()).isEqualTo(201);

		JsonNode paged = api().get("/api/v1/cis/" + server + "/impact?limit=2", world.token(world.lead)).json();
		assertThat(paged.get("total").asInt()).isEqualTo(7);
		assertThat(paged.get("hidden").asInt()).isEqualTo(1);
		assertThat(paged.get("truncated").asBoolean()).isTrue();
		assertThat(ids(paged.get("items"))).containsExactly(apps.get(0), apps.get(1));
		assertThat(ids(paged.get("applicationSystems"))).containsExactly(apps.get(0), apps.get(1));
		assertThat(paged.get("applicationSystemsTotal").asInt()).isEqualTo(3);
		assertThat(ids(paged.get("services"))).containsExactly(services.get(0), services.get(1));
		assertThat(paged.get("servicesTotal").asInt()).isEqualTo(3);
		assertThat(path(paged.get("applicationSystems").get(1))).containsExactly(server, apps.get(1));
		assertThat(path(paged.get("services").get(1))).containsExactly(server, apps.getFirst(), services.get(1));

		JsonNode all = api().get("/api/v1/cis/" + server + "/impact?limit=100", world.token(world.lead)).json();
		assertThat(all.get("truncated").asBoolean()).isFalse();
		assertThat(ids(all.get("applicationSystems"))).containsExactlyElementsOf(apps);
		assertThat(all.get("applicationSystemsTotal").asInt()).isEqualTo(3);
		assertThat(ids(all.get("services"))).containsExactlyElementsOf(services);
		assertThat(all.get("servicesTotal").asInt()).isEqualTo(3);
		JsonNode seenByManager = api().get("/api/v1/cis/" + server + "/impact?limit=1", manager).json();
		assertThat(seenByManager.get("hidden").asInt()).isZero();
		assertThat(seenByManager.get("applicationSystems")).hasSize(1);
		assertThat(seenByManager.get("applicationSystemsTotal").asInt()).isEqualTo(4);
	}

	@Test
	void theImpactPageSaysHowManyApplicationSystemsItDoesNotList() {
		long server = world.create("PHYSICAL_SERVER", "五百应用的物理机", Map.of());
		long appClass = world.classId("APPLICATION_SYSTEM");
		String classPath = jdbc.sql("select path from ci_class where id = ?").param(appClass).query(String.class)
			.single();
		String tag = TestDirectory.unique("PG");
		// the page lists 500 of each: 503 application systems on the server, written as another node would
		jdbc.sql("""
				insert into configuration_item (class_id, class_path, name, lifecycle, asset_tag, customer_unit_id,
				  attributes)
				select ?, ?, ? || '-' || g, 'IN_USE', ? || '-T' || g, ?, '{}' from generate_series(1, 503) g""")
			.params(appClass, classPath, tag, tag, world.bureau).update();
		jdbc.sql("""
				insert into ci_relation (source_id, target_id, type, created_by_name)
				select id, ?, 'RUNS_ON', 'x' from configuration_item where asset_tag like ?""")
			.params(server, tag + "-T%").update();

		WebSession session = new WebSession(port);
		assertThat(session.signIn(world.lead, TestDirectory.PASSWORD, null).location()).doesNotContain("error");
		WebSession.Page page = session.get("/cmdb/items/" + server + "/impact");
		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("#impact-applications li a")).hasSize(500);
		assertThat(html.select("#impact-applications-more").text()).isEqualTo("另有 3 个未列出。");
		assertThat(html.select("#impact-services-more")).isEmpty();
		assertThat(html.select("#impact-summary").text()).contains("共波及 503 个配置项");
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
