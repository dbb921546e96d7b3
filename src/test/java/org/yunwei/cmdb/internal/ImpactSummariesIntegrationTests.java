package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.cmdb.ConfigurationItemImpact;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * The facade's batch answers ({@link ConfigurationItems#impacts}, {@link ConfigurationItems#find(java.util.Collection)})
 * on random graphs of machines, application systems and services spread over two customers and shared
 * infrastructure: each item's batch impact is the one {@link ConfigurationItems#impact} answers for it alone, and
 * both agree with the impact analysis of the API (3 hops downstream, everything listed) — reached and hidden counts,
 * the names of the application systems and services, their ids, the customer units, the 等保 level — for a provider
 * whose scope hides some items (absent from the answer when they are the item asked about) and for management.
 */
class ImpactSummariesIntegrationTests extends IntegrationTestSupport {

	private static final String[] CLASSES = { "VIRTUAL_MACHINE", "VIRTUAL_MACHINE", "APPLICATION_SYSTEM",
			"BUSINESS_SERVICE" };
	private static final String[] TYPES = { "RUNS_ON", "DEPENDS_ON", "CONNECTED_TO", "CONTAINS", "BACKED_UP_BY",
			"INSTALLED_ON" };

	@Autowired
	private ConfigurationItems items;

	@Autowired
	private ApplicationContext context;

	private CmdbFixtures world;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
	}

	@Test
	void theBatchImpactOfEachItemIsItsOwnImpactAndTheApisWithinTheReadersScope() {
		for (long seed = 1; seed <= 3; seed++) {
			Random random = new Random(seed);
			String tag = TestDirectory.unique("IS");
			List<Long> ids = new ArrayList<>();
			int size = 25 + random.nextInt(20);
			for (int i = 0; i < size; i++) {
				ids.add(item(random, tag, i));
			}
			for (int r = 0; r < size * 2; r++) {
				long source = ids.get(random.nextInt(size));
				long target = ids.get(random.nextInt(size));
				if (source != target) {
					jdbc.sql("""
							insert into ci_relation (source_id, target_id, type, created_by_name) values (?, ?, ?, 'x')
							on conflict do nothing""")
						.params(source, target, TYPES[random.nextInt(TYPES.length)]).update();
				}
			}
			List<Long> asked = new ArrayList<>(ids);
			asked.add(-1L); // no such item
			for (String person : List.of(world.lead, world.manager)) {
				String token = world.token(person);
				Map<Long, ConfigurationItemImpact> batch;
				Map<Long, ConfigurationItemSummary> found;
				try (SignedIn signedIn = SignedIn.as(context, world.directory.userId(person))) {
					batch = items.impacts(asked);
					found = items.find(asked);
					for (long id : asked) {
						assertThat(Optional.ofNullable(batch.get(id))).as("seed %d item %d", seed, id)
							.isEqualTo(items.impact(id));
						assertThat(Optional.ofNullable(found.get(id))).isEqualTo(items.find(id));
					}
				}
				assertThat(batch).doesNotContainKey(-1L);
				for (long id : ids) {
					var api = api().get("/api/v1/cis/" + id + "/impact?depth=3&limit=100000", token);
					if (api.status() == 404) {
						assertThat(batch).as("item %d outside %s's scope", id, person).doesNotContainKey(id);
						assertThat(found).doesNotContainKey(id);
						continue;
					}
					assertThat(api.status()).isEqualTo(200);
					assertThat(batch.get(id)).as("seed %d item %d as %s", seed, id, person)
						.isEqualTo(expected(id, api.json()));
				}
			}
			// the provider sees fewer items than management, so that scope hiding was exercised
			try (SignedIn signedIn = SignedIn.as(context, world.directory.userId(world.lead))) {
				assertThat(items.impacts(ids).size()).isLessThan(ids.size());
				assertThat(items.impacts(ids).values().stream().mapToInt(ConfigurationItemImpact::hidden).sum())
					.isPositive();
			}
		}
	}

	/** What the facade should answer, from the API's analysis of the item and the item's own row. */
	private ConfigurationItemImpact expected(long id, JsonNode api) {
		Map<String, Object> row = jdbc.sql("""
				select c.code, i.customer_unit_id, i.attributes ->> 'dengbao_level' as level
				from configuration_item i join ci_class c on c.id = i.class_id where i.id = ?""")
			.param(id).query().singleRow();
		String classCode = (String) row.get("code");
		boolean serviceLevel = classCode.equals("APPLICATION_SYSTEM") || classCode.equals("BUSINESS_SERVICE");
		Set<Long> units = new LinkedHashSet<>();
		if (row.get("customer_unit_id") != null) {
			units.add(((Number) row.get("customer_unit_id")).longValue());
		}
		api.get("customerUnits").forEach(u -> units.add(u.get("id").asLong()));
		Set<Long> serviceItems = new LinkedHashSet<>();
		if (serviceLevel) {
			serviceItems.add(id);
		}
		List<String> applications = new ArrayList<>();
		List<String> services = new ArrayList<>();
		api.get("applicationSystems").forEach(a -> {
			applications.add(a.get("name").asString());
			serviceItems.add(a.get("id").asLong());
		});
		api.get("services").forEach(a -> {
			services.add(a.get("name").asString());
			serviceItems.add(a.get("id").asLong());
		});
		assertThat(api.get("applicationSystemsTotal").asInt()).isEqualTo(applications.size());
		assertThat(api.get("servicesTotal").asInt()).isEqualTo(services.size());
		return new ConfigurationItemImpact(id, api.get("total").asInt(), api.get("hidden").asInt(), applications,
				services, List.copyOf(units), (String) row.get("level"), serviceLevel, List.copyOf(serviceItems));
	}

	/**
	 * An item of a random class: of the bureau the provider serves, of its department, of another customer, or shared
	 * infrastructure that the provider maintains or not; application systems with a 等保 level or none.
	 */
	private long item(Random random, String tag, int i) {
		String classCode = CLASSES[random.nextInt(CLASSES.length)];
		long classId = world.classId(classCode);
		String classPath = jdbc.sql("select path from ci_class where id = ?").param(classId).query(String.class)
			.single();
		int placement = random.nextInt(5);
		Long unit = switch (placement) {
			case 0 -> world.bureau;
			case 1 -> world.department;
			case 2 -> world.otherCustomerUnit;
			default -> null;
		};
		Long provider = switch (placement) {
			case 3 -> world.providerParty;
			case 4 -> world.otherProviderParty;
			default -> null;
		};
		String attributes = classCode.equals("APPLICATION_SYSTEM") && random.nextBoolean()
				? "{\"dengbao_level\": \"L" + (2 + random.nextInt(2)) + "\"}" : "{}";
		return jdbc.sql("""
				insert into configuration_item (class_id, class_path, name, lifecycle, asset_tag, customer_unit_id,
				  provider_party_id, attributes)
				values (?, ?, ?, 'IN_USE', ?, ?, ?, cast(? as jsonb)) returning id""")
			.params(classId, classPath, tag + "-" + classCode + "-" + i, tag + "-T" + i, unit, provider, attributes)
			.query(Long.class).single();
	}
}
