package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.document.PolicyDocuments;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Release records as evidence of 7.6.2a–d in the register, counted for the provider asked about; a release completed
 * without approval is flagged under 7.6.2c and 7.6.2d.
 */
class ReleaseEvidenceIntegrationTests extends IntegrationTestSupport {

	@Autowired
	PolicyDocuments documents;

	@Test
	void theProvidersReleasesEvidenceTheReleaseItemsAndAReleaseCompletedWithoutApprovalIsFlagged() {
		ReleaseWorld world = new ReleaseWorld(jdbc, api());
		long app = world.item("APPLICATION_SYSTEM", "证据应用系统", Map.of("dengbao_level", "L2"));
		long id = world.createRelease(world.release("证据发布", List.of(app), List.of())).get("id").asLong();
		String asked = "?provider=" + world.providerParty;
		String serviceManager = world.token(world.serviceManager);

		JsonNode plans = item("7.6.2b", asked, serviceManager);
		assertThat(plans.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(plans.get("figures").get(0).get("value").asLong()).isEqualTo(1);
		assertThat(plans.toString()).contains("证据发布", "/releases/" + id);
		for (String each : List.of("7.6.2c", "7.6.2d")) {
			assertThat(item(each, asked, serviceManager).get("state").asString()).as(each).isEqualTo("EVIDENCED");
		}
		// 7.6.2a rests on the 发布管理制度: evidenced with one in force, partial without
		JsonNode rules = item("7.6.2a", asked, serviceManager);
		assertThat(rules.get("state").asString())
			.isEqualTo(documents.inForce("RELEASE", world.providerParty) > 0 ? "EVIDENCED" : "PARTIAL");
		assertThat(rules.toString()).contains("/releases");

		// a release recorded as completed with no approval on record (as an import of old records would bring it)
		jdbc.sql("update release_record set status = 'COMPLETED', completed_at = now() where id = ?").param(id)
			.update();
		assertThat(item("7.6.2c", asked, serviceManager).get("gaps").toString()).contains("1 个发布未经批准即完成");
		JsonNode completions = item("7.6.2d", asked, serviceManager);
		assertThat(completions.get("gaps").toString()).contains("1 个发布未经批准即完成");
		assertThat(completions.get("figures").get(0).get("value").asLong()).isEqualTo(1);
	}

	private JsonNode item(String item, String asked, String token) {
		return api().get("/api/v1/compliance/items/" + item + asked, token).json().get("item");
	}
}
