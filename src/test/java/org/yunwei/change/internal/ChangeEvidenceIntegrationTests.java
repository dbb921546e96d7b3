package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Change records as evidence of 7.5.2a–e in the register, counted for the provider asked about; a change implemented
 * without approval is flagged under 7.5.2d.
 */
class ChangeEvidenceIntegrationTests extends IntegrationTestSupport {

	@Test
	void theProvidersChangesEvidenceTheChangeItemsAndAChangeImplementedWithoutApprovalIsFlagged() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		long server = world.item("PHYSICAL_SERVER", "证据物理机", Map.of());
		long id = world.create(world.change("证据变更", List.of(server))).get("id").asLong();
		String asked = "?provider=" + world.providerParty;
		String serviceManager = world.token(world.serviceManager);

		for (String item : List.of("7.5.2a", "7.5.2b", "7.5.2c", "7.5.2e")) {
			JsonNode evidence = api().get("/api/v1/compliance/items/" + item + asked, serviceManager).json()
				.get("item");
			assertThat(evidence.get("state").asString()).as(item).isEqualTo("EVIDENCED");
			assertThat(evidence.get("figures").get(0).get("value").asLong()).as(item).isEqualTo(1);
		}
		JsonNode requests = api().get("/api/v1/compliance/items/7.5.2a" + asked, serviceManager).json().get("item");
		assertThat(requests.toString()).contains("证据变更", "/changes/" + id);

		// a change recorded as implemented with no approval on record (as an import of old records would bring it)
		jdbc.sql("update change_request set status = 'IMPLEMENTING', actual_start = now() where id = ?").param(id)
			.update();
		JsonNode approvals = api().get("/api/v1/compliance/items/7.5.2d" + asked, serviceManager).json().get("item");
		assertThat(approvals.get("gaps").toString()).contains("1 个变更未经批准即实施");
	}
}
