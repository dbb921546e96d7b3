package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * The in-memory graph of the relations ({@link RelationGraph}) against the database it mirrors: a relation added or
 * removed, through the API or by any other writer (another node, a hand-written statement), is seen by the next
 * impact analysis; a relation of a transaction that was rolled back is not; and on random graphs the impact analysis
 * through the API reaches exactly the items, at exactly the hops, that a walk of {@code ci_relation} one query per
 * hop reaches, with paths made of live relations followed the way a failure travels, and hides the same items from a
 * reader whose scope leaves them out.
 */
class RelationGraphIntegrationTests extends IntegrationTestSupport {

	private static final RelationType[] TYPES = RelationType.values();

	@Autowired
	private RelationGraph graph;

	@Autowired
	private PlatformTransactionManager transactions;

	private CmdbFixtures world;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
	}

	@Test
	void aRelationAddedOrRemovedThroughTheApiOrByAnotherWriterIsSeenByTheNextWalk() {
		long host = world.create("PHYSICAL_SERVER", "图-物理机", Map.of());
		long vm = world.create("VIRTUAL_MACHINE", "图-虚拟机", Map.of());
		long app = world.create("APPLICATION_SYSTEM", "图-应用", Map.of("dengbao_level", "L2"));
		String lead = world.token(world.lead);
		assertThat(reached(host, lead)).isEmpty();

		long runsOn = world.relate(vm, host, "RUNS_ON");
		assertThat(reached(host, lead)).containsExactly(vm);

		// another node (or a hand-written statement) relates the application: no call of this node's code
		jdbc.sql("insert into ci_relation (source_id, target_id, type, created_by_name) values (?, ?, 'DEPENDS_ON', 'x')")
			.params(app, vm).update();
		assertThat(reached(host, lead)).containsExactly(vm, app);

		assertThat(api().delete("/api/v1/cis/" + vm + "/relations/" + runsOn + "?reason=迁移", lead).status())
			.isEqualTo(204);
		assertThat(reached(host, lead)).isEmpty();
		assertThat(reached(vm, lead)).containsExactly(app);

		jdbc.sql("update ci_relation set removed_at = now(), removed_by_name = 'x' where source_id = ? and target_id = ?")
			.params(app, vm).update();
		assertThat(reached(vm, lead)).isEmpty();
	}

	@Test
	void aWalkInsideAWritingTransactionSeesItsRelationAndNobodyDoesAfterTheRollback() {
		long host = world.create("PHYSICAL_SERVER", "回滚-物理机", Map.of());
		long vm = world.create("VIRTUAL_MACHINE", "回滚-虚拟机", Map.of());
		long[] inside = new long[1];
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("insert into ci_relation (source_id, target_id, type, created_by_name) values (?, ?, 'RUNS_ON', 'x')")
				.params(vm, host).update();
			RelationGraph.Snapshot uncommitted = graph.current();
			inside[0] = uncommitted.generation();
			RelationGraph.Walk walk = uncommitted.walk(host, 3, true);
			assertThat(walk.size()).isEqualTo(2);
			assertThat(walk.id(1)).isEqualTo(vm);
			status.setRollbackOnly();
		});
		RelationGraph.Snapshot after = graph.current();
		// the rolled-back transaction's number is never the committed one, so its graph is not taken for the truth
		assertThat(after.generation()).isNotEqualTo(inside[0]);
		assertThat(after.walk(host, 3, true).size()).isEqualTo(1);
		assertThat(reached(host, world.token(world.lead))).isEmpty();
	}

	@Test
	void onRandomGraphsTheImpactIsTheWalkOfTheDatabaseHopByHop() {
		long vmClass = world.classId("VIRTUAL_MACHINE");
		String classPath = jdbc.sql("select path from ci_class where id = ?").param(vmClass).query(String.class)
			.single();
		String lead = world.token(world.lead);
		String manager = world.token(world.manager);
		for (long seed = 1; seed <= 6; seed++) {
			Random random = new Random(seed);
			int size = 20 + random.nextInt(40);
			String tag = TestDirectory.unique("RG");
			List<Long> items = new ArrayList<>();
			Set<Long> foreign = new HashSet<>();
			for (int i = 0; i < size; i++) {
				boolean outside = random.nextInt(5) == 0;
				long unit = outside ? world.otherCustomerUnit : world.bureau;
				long id = jdbc.sql("""
						insert into configuration_item (class_id, class_path, name, lifecycle, asset_tag, customer_unit_id,
						  attributes)
						values (?, ?, ?, 'IN_USE', ?, ?, '{}') returning id""")
					.params(vmClass, classPath, tag + "-" + i, tag + "-T" + i, unit).query(Long.class).single();
				items.add(id);
				if (outside) {
					foreign.add(id);
				}
			}
			int relations = size + random.nextInt(size * 2);
			for (int r = 0; r < relations; r++) {
				long source = items.get(random.nextInt(size));
				long target = items.get(random.nextInt(size));
				if (source != target) {
					jdbc.sql("""
							insert into ci_relation (source_id, target_id, type, created_by_name) values (?, ?, ?, 'x')
							on conflict do nothing""")
						.params(source, target, TYPES[random.nextInt(TYPES.length)].name()).update();
				}
			}
			// some relations removed again: kept as rows, no longer followed
			jdbc.sql("""
					update ci_relation set removed_at = now(), removed_by_name = 'x'
					where id in (select id from ci_relation where source_id = any(?) order by id limit ?)""")
				.params(new SqlArrayValue("bigint", items.toArray()), relations / 5).update();

			for (int k = 0; k < 4; k++) {
				long root = items.get(random.nextInt(size));
				int depth = 1 + random.nextInt(5);
				boolean downstream = random.nextBoolean();
				Map<Long, Integer> expected = walkTheDatabase(root, depth, downstream);
				String uri = "/api/v1/cis/" + root + "/impact?limit=100000&depth=" + depth + "&direction="
						+ (downstream ? "downstream" : "upstream");

				JsonNode all = api().get(uri, manager).json();
				assertThat(all.get("total").asInt()).as("seed %d root %d", seed, root).isEqualTo(expected.size());
				assertThat(all.get("hidden").asInt()).isZero();
				assertThat(hops(all)).as("seed %d root %d depth %d", seed, root, depth).isEqualTo(expected);
				all.get("items").forEach(item -> assertPathFollowsLiveRelations(item, root, downstream));

				var asLead = api().get(uri, lead);
				if (foreign.contains(root)) {
					assertThat(asLead.status()).isEqualTo(404);
					continue;
				}
				JsonNode scoped = asLead.json();
				Map<Long, Integer> visible = new LinkedHashMap<>(expected);
				visible.keySet().removeAll(foreign);
				assertThat(scoped.get("total").asInt()).isEqualTo(expected.size());
				assertThat(scoped.get("hidden").asInt()).isEqualTo(expected.size() - visible.size());
				assertThat(hops(scoped)).isEqualTo(visible);
				scoped.get("items").forEach(item -> item.get("path").forEach(step -> assertThat(
						step.get("name").isNull()).as("name of %s", step).isEqualTo(foreign.contains(step.get("id").asLong()))));
			}
		}
	}

	/** The reference: one query per hop over the live relations, as impact analysis walked before its graph. */
	private Map<Long, Integer> walkTheDatabase(long root, int depth, boolean downstream) {
		Map<Long, Integer> reached = new HashMap<>();
		reached.put(root, 0);
		Set<Long> frontier = Set.of(root);
		for (int hop = 1; hop <= depth && !frontier.isEmpty(); hop++) {
			Set<Long> next = new HashSet<>();
			Set<Long> from = frontier;
			SqlArrayValue ids = new SqlArrayValue("bigint", frontier.toArray());
			for (Map<String, Object> edge : jdbc.sql("""
					select source_id, target_id, type from ci_relation
					where removed_at is null and (source_id = any(?) or target_id = any(?))""")
				.params(ids, new SqlArrayValue("bigint", frontier.toArray())).query().listOfRows()) {
				long source = ((Number) edge.get("source_id")).longValue();
				long target = ((Number) edge.get("target_id")).longValue();
				RelationType type = RelationType.valueOf((String) edge.get("type"));
				if (from.contains(source) && (downstream ? type.sourceAffectsTarget() : type.targetAffectsSource())
						&& !reached.containsKey(target)) {
					next.add(target);
				}
				if (from.contains(target) && (downstream ? type.targetAffectsSource() : type.sourceAffectsTarget())
						&& !reached.containsKey(source)) {
					next.add(source);
				}
			}
			for (long id : next) {
				reached.put(id, hop);
			}
			frontier = next;
		}
		reached.remove(root);
		return reached;
	}

	/** Each step of the path is a live relation of the named type, followed the way a failure travels. */
	private void assertPathFollowsLiveRelations(JsonNode item, long root, boolean downstream) {
		JsonNode path = item.get("path");
		assertThat(path.size()).isEqualTo(item.get("hops").asInt() + 1);
		assertThat(path.get(0).get("id").asLong()).isEqualTo(root);
		assertThat(path.get(path.size() - 1).get("id").asLong()).isEqualTo(item.get("id").asLong());
		assertThat(path.get(path.size() - 1).get("via").isNull()).isTrue();
		for (int i = 0; i + 1 < path.size(); i++) {
			long from = path.get(i).get("id").asLong();
			long to = path.get(i + 1).get("id").asLong();
			RelationType type = RelationType.valueOf(path.get(i).get("via").asString());
			boolean forward = downstream ? type.sourceAffectsTarget() : type.targetAffectsSource();
			boolean backward = downstream ? type.targetAffectsSource() : type.sourceAffectsTarget();
			long live = jdbc.sql("""
					select count(*) from ci_relation where removed_at is null and type = ?
					and ((source_id = ? and target_id = ? and ?) or (source_id = ? and target_id = ? and ?))""")
				.params(type.name(), from, to, forward, to, from, backward).query(Long.class).single();
			assertThat(live).as("step %d of %s", i, item).isPositive();
		}
	}

	private static Map<Long, Integer> hops(JsonNode impact) {
		Map<Long, Integer> hops = new HashMap<>();
		impact.get("items").forEach(i -> hops.put(i.get("id").asLong(), i.get("hops").asInt()));
		assertThat(hops).hasSize(impact.get("items").size());
		return hops;
	}

	private List<Long> reached(long root, String token) {
		var response = api().get("/api/v1/cis/" + root + "/impact?depth=3", token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}
}
