package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The ledger as evidence of 7.4.2a in the register: partial while no 配置管理制度 is in force, with the ledger's size
 * as a figure and its completeness — items without owner, location or warranty — as gaps, counted for the provider
 * asked about.
 */
class LedgerEvidenceIntegrationTests extends IntegrationTestSupport {

	@Test
	void theLedgersIncompleteItemsAreGapsOfTheConfigurationRulesItem() {
		CmdbFixtures world = new CmdbFixtures(jdbc, api());
		world.create("PRINTER", "缺少信息的打印机", Map.of());
		// asked for the world's own provider: another test may have published a 配置管理制度 for its own
		JsonNode item = api().get("/api/v1/compliance/items/7.4.2a?provider=" + world.providerParty,
				world.token(world.manager)).json().get("item");
		assertThat(item.get("state").asString()).isEqualTo("PARTIAL");
		assertThat(item.get("missing").get(0).toString()).contains("配置管理制度");
		List<String> gaps = new ArrayList<>();
		item.get("gaps").forEach(g -> gaps.add(g.toString()));
		assertThat(String.join("\n", gaps)).contains("未指定责任人", "未登记位置", "未登记保修截止日期");

		JsonNode own = api().get("/api/v1/compliance/items/7.4.2a?provider=" + world.providerParty,
				world.token(world.manager)).json().get("item");
		List<String> figures = new ArrayList<>();
		own.get("figures").forEach(f -> figures.add(f.toString()));
		assertThat(String.join("\n", figures)).contains("台账中的配置项");
		assertThat(own.get("figures").get(0).get("value").asLong()).isEqualTo(1);
	}
}
