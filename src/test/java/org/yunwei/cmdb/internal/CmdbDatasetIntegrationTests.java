package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetService;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The city generator's CMDB on a small world: one item per ten tickets of the shipped classes, about five relations
 * an item with hubs that reach nearly everything, each item's first history entry, the facts later contributors read,
 * and a chunk written again after it was lost that is exactly the chunk it was.
 */
class CmdbDatasetIntegrationTests extends IntegrationTestSupport {

	private static final String ROWS = """
			select md5(string_agg(concat_ws('|', i.id, i.class_id, i.name, i.lifecycle, i.asset_tag, i.serial_number,
			  i.ip_address, i.customer_unit_id, i.provider_party_id, i.owner_user_id, i.attributes::text, i.created_at,
			  (select string_agg(concat_ws('>', r.id, r.target_id, r.type), ',' order by r.id) from ci_relation r
			   where r.source_id = i.id),
			  (select string_agg(concat_ws('>', c.id, c.snapshot::text), ',') from ci_change c where c.item_id = i.id)),
			  ';' order by i.id))
			from configuration_item i where i.asset_tag like 'GEN-CI-%' and i.id >= ?""";

	@Autowired
	CmdbDataset dataset;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void generatesTheCmdbOfTheCityInChunksThatResumeAlike() {
		CmdbFixtures world = new CmdbFixtures(jdbc, api());
		forgetEarlierRuns();
		long bureauUser = world.directory.userId(world.bureauUser);
		long agent = world.directory.userId(world.agent);
		DatasetPlan plan = new DatasetPlan(7, 3_000, 200, Instant.parse("2026-11-24T00:00:00Z"));
		DatasetContext context = new DatasetContext();
		context.put("identity.bureaus", Map.of(world.bureau, List.of(world.bureau, world.department)));
		context.put("identity.customerUsers", Map.of(world.bureau, List.of(bureauUser)));
		context.put("identity.providerParties", List.of(world.providerParty));
		context.put("identity.agents", Map.of(world.providerParty, List.of(agent)));
		context.put(DatasetContext.SERVICES, List.of(new DatasetService(1, world.providerParty, "OFFICE_EQUIPMENT",
				List.of(world.bureau, world.department))));

		assertThat(dataset.chunks(plan)).isEqualTo(2);
		for (int chunk = 0; chunk < 2; chunk++) {
			int c = chunk;
			transactions.executeWithoutResult(s -> dataset.generate(plan, c, context));
		}
		dataset.describe(plan, context);

		assertThat(count("select count(*) from configuration_item where asset_tag like 'GEN-CI-%'")).isEqualTo(300);
		long relations = count("select count(*) from ci_relation r join configuration_item i on i.id = r.source_id "
				+ "where i.asset_tag like 'GEN-CI-%'");
		assertThat(relations).isBetween(300L * 4, 300L * 6);
		assertThat(context.counts()).containsEntry("configurationItems", 300L).containsEntry("ciRelations",
				relations);
		// the shipped classes: network, security, machine room, servers, cloud, databases, middleware, systems, 信创 terminals
		assertThat(jdbc.sql("select distinct c.code from configuration_item i join ci_class c on c.id = i.class_id "
				+ "where i.asset_tag like 'GEN-CI-%'").query(String.class).list()).contains("NETWORK_DEVICE",
						"SECURITY_DEVICE", "UPS", "PHYSICAL_SERVER", "CLOUD_VM", "CLOUD_VOLUME", "CLOUD_NETWORK",
						"STORAGE", "DATABASE", "MIDDLEWARE", "APPLICATION_SYSTEM", "BUSINESS_SERVICE", "DESKTOP",
						"PRINTER", "CAMERA", "WIRELESS_AP");
		assertThat(count("select count(*) from configuration_item where asset_tag like 'GEN-CI-%' "
				+ "and attributes ->> 'cpu_vendor' in ('KUNPENG', 'PHYTIUM', 'HYGON', 'LOONGSON', 'ZHAOXIN')")).isPositive();
		assertThat(count("select count(*) from configuration_item i where asset_tag like 'GEN-CI-%' and not exists "
				+ "(select 1 from ci_change c where c.item_id = i.id and c.kind = 'CREATED')")).isZero();
		// every required attribute of its class is there, as the form would insist
		assertThat(count("""
				select count(*) from configuration_item i join ci_attribute a on a.required
				  and i.class_path like (select path from ci_class where id = a.class_id) || '%'
				where i.asset_tag like 'GEN-CI-%' and not jsonb_exists(i.attributes, a.code)""")).isZero();

		// the facts: items per unit and per service object, labels as the ticket picker writes them, the hubs
		Map<Long, List<Long>> ofUnit = context.get("cmdb.itemsOfUnit");
		assertThat(ofUnit.keySet()).containsAnyOf(world.bureau, world.department);
		Map<String, List<Long>> ofObject = context.get("cmdb.itemsOfServiceObject");
		assertThat(ofObject.keySet()).contains("OFFICE_EQUIPMENT", "GOVERNMENT_CLOUD", "NETWORK_SECURITY");
		Map<Long, String> labels = context.get("cmdb.itemLabels");
		assertThat(labels).hasSize(300);
		assertThat(labels.values().iterator().next()).contains("（GEN-CI-0000001）");
		List<Long> hubs = context.get("cmdb.hubs");
		assertThat(hubs).hasSize(8);

		// a core switch's failure reaches nearly the whole city; the manager reads it through the API
		JsonNode impact = api().get("/api/v1/cis/" + hubs.getFirst() + "/impact?depth=10&limit=10",
				world.token(world.manager)).json();
		assertThat(impact.get("total").asLong()).isGreaterThan(250);

		// the second chunk lost and written again: exactly the rows it was
		long secondChunk = jdbc.sql("select id from configuration_item where asset_tag = ?")
			.param(CmdbDataset.tag(200)).query(Long.class).single();
		String before = jdbc.sql(ROWS).param(secondChunk).query(String.class).single();
		transactions.executeWithoutResult(s -> {
			String lost = "select id from configuration_item where asset_tag like 'GEN-CI-%' and id >= " + secondChunk;
			jdbc.sql("delete from ci_relation where source_id in (" + lost + ") or target_id in (" + lost + ")")
				.update();
			jdbc.sql("delete from ci_change where item_id in (" + lost + ")").update();
			jdbc.sql("delete from configuration_item where id in (" + lost + ")").update();
		});
		transactions.executeWithoutResult(s -> dataset.generate(plan, 1, context));
		assertThat(jdbc.sql(ROWS).param(secondChunk).query(String.class).single()).isEqualTo(before);
	}

	private void forgetEarlierRuns() {
		transactions.executeWithoutResult(s -> {
			String generated = "select id from configuration_item where asset_tag like 'GEN-CI-%'";
			jdbc.sql("delete from ci_relation where source_id in (" + generated + ") or target_id in (" + generated
					+ ")").update();
			jdbc.sql("delete from ci_change where item_id in (" + generated + ")").update();
			jdbc.sql("delete from configuration_item where asset_tag like 'GEN-CI-%'").update();
		});
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
