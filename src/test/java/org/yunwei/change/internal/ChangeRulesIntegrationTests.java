package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The refusals that change nothing (a planned end before its start, a retired item, a step owner of another party,
 * a risk level without its justification), the standard change accepted from its template, who sees which change,
 * and the list's filters and keyset pages.
 */
class ChangeRulesIntegrationTests extends IntegrationTestSupport {

	private ChangeWorld world;

	@BeforeEach
	void world() {
		world = new ChangeWorld(jdbc, api());
	}

	@Test
	void badInputIsRefusedAndNothingIsRecorded() {
		long server = world.item("PHYSICAL_SERVER", "物理机-退役", Map.of());
		String manager = world.token(world.manager);
		String title = "错误的变更-" + System.nanoTime();

		Map<String, Object> backwards = world.change(title, List.of(server));
		backwards.put("plannedEnd", "2099-03-01T13:00:00Z");
		var refused = api().post("/api/v1/changes", manager, backwards);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("plannedEnd")).isTrue();

		var retire = api().post("/api/v1/cis/" + server + "/lifecycle", manager,
				Map.of("lifecycle", "RETIRED", "reason", "设备到期"));
		assertThat(retire.status()).as(retire.body()).isEqualTo(200);
		var onRetired = api().post("/api/v1/changes", manager, world.change(title, List.of(server)));
		assertThat(onRetired.status()).isEqualTo(400);
		assertThat(onRetired.json().get("errors").get("ciIds").asString()).isEqualTo("所选配置项已退役或已报废，不能再变更");

		long live = world.item("PHYSICAL_SERVER", "物理机-在用", Map.of());
		Map<String, Object> foreignOwner = world.change(title, List.of(live));
		foreignOwner.put("steps", List.of(Map.of("description", "扩容", "ownerId",
				world.directory.userId(world.otherManager))));
		var owner = api().post("/api/v1/changes", manager, foreignOwner);
		assertThat(owner.status()).isEqualTo(400);
		assertThat(owner.json().get("errors").has("steps[0].ownerId")).isTrue();
		var empty = api().post("/api/v1/changes", manager, Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").propertyNames()).contains("title", "necessity", "reason", "type");

		assertThat(jdbc.sql("select count(*) from change_request where title = ?").param(title).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRiskLevelOtherThanComputedNeedsAJustificationAndAStandardChangeNeedsNoApproval() {
		long server = world.item("PHYSICAL_SERVER", "物理机-标准", Map.of());
		String manager = world.token(world.manager);
		Map<String, Object> body = world.change("更换打印机硒鼓", List.of(server));
		body.put("category", "STANDARD");
		long id = world.create(body).get("id").asLong();

		var unjustified = api().post("/api/v1/changes/" + id + "/risk", manager, Map.of("riskLevel", "HIGH"));
		assertThat(unjustified.status()).isEqualTo(400);
		assertThat(unjustified.json().get("errors").has("justification")).isTrue();
		JsonNode assessed = api().post("/api/v1/changes/" + id + "/risk", manager,
				Map.of("riskLevel", "HIGH", "justification", "涉及核心业务时段")).json();
		assertThat(assessed.get("riskLevel").asString()).isEqualTo("HIGH");
		assertThat(assessed.get("assessment").get("computed").asString()).isEqualTo("LOW");
		assertThat(world.audits("CHANGE_RISK_ASSESSED", id)).isEqualTo(1);

		JsonNode accepted = api().post("/api/v1/changes/" + id + "/submit", manager, null).json();
		assertThat(accepted.get("status").asString()).isEqualTo("APPROVED");
		assertThat(accepted.get("approvalRequestId").isNull()).isTrue();
		assertThat(world.audits("CHANGE_ACCEPTED_AS_STANDARD", id)).isEqualTo(1);
		assertThat(api().post("/api/v1/changes/" + id + "/submit", manager, null).status()).isEqualTo(409);
	}

	@Test
	void aProviderSeesItsChangesAndACustomerTheChangesAffectingItsUnits() {
		long server = world.item("PHYSICAL_SERVER", "物理机-范围", Map.of());
		long id = world.create(world.change("机房搬迁-" + System.nanoTime(), List.of(server))).get("id").asLong();
		String path = "/api/v1/changes/" + id;

		assertThat(api().get(path, world.token(world.otherManager)).status()).isEqualTo(404);
		assertThat(api().put(path, world.token(world.otherManager), world.change("改", List.of(server))).status())
			.isEqualTo(404);
		assertThat(api().get(path, world.token(world.bureauUser)).status()).isEqualTo(200);
		assertThat(ids(api().get("/api/v1/changes", world.token(world.bureauUser)).json())).contains(id);
		assertThat(api().get(path, world.token(world.otherCustomerUser)).status()).isEqualTo(404);
		assertThat(ids(api().get("/api/v1/changes", world.token(world.otherCustomerUser)).json()))
			.doesNotContain(id);
		assertThat(api().get(path, world.token(world.supervisor)).status()).isEqualTo(200);
		assertThat(api().post(path + "/submit", world.token(world.supervisor), null).status()).isEqualTo(403);
		assertThat(api().post(path + "/submit", world.token(world.agent), null).status()).isEqualTo(403);
		assertThat(api().post(path + "/submit", world.token(world.bureauUser), null).status()).isEqualTo(403);
		assertThat(world.status(id)).isEqualTo("DRAFT");
	}

	@Test
	void theListFiltersSortsAndPagesByKeyset() {
		long server = world.item("PHYSICAL_SERVER", "物理机-列表", Map.of());
		String manager = world.token(world.manager);
		String marker = "列表变更" + System.nanoTime();
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> body = world.change(marker + "-" + i, List.of(server));
			body.put("plannedStart", "2099-0" + (3 - i) + "-01T14:00:00Z");
			body.put("plannedEnd", "2099-0" + (3 - i) + "-01T16:00:00Z");
			created.add(world.create(body).get("id").asLong());
		}
		String q = java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);
		List<Long> newest = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api().get("/api/v1/changes?limit=2&q=" + q + (cursor == null ? "" : "&cursor=" + cursor),
					manager).json();
			newest.addAll(ids(page));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		assertThat(newest).containsExactly(created.get(2), created.get(1), created.get(0));
		JsonNode planned = api().get("/api/v1/changes?sort=planned&q=" + q, manager).json();
		assertThat(ids(planned)).containsExactly(created.get(2), created.get(1), created.get(0));
		assertThat(ids(api().get("/api/v1/changes?ciId=" + server + "&q=" + q, manager).json())).hasSize(3);
		assertThat(ids(api().get("/api/v1/changes?status=CLOSED&q=" + q, manager).json())).isEmpty();
		var bad = api().get("/api/v1/changes?status=FINISHED&sort=sideways&cursor=zz", manager);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").propertyNames()).contains("status", "sort", "cursor");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}
}
