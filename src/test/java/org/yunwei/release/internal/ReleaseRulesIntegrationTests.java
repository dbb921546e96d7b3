package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Bad input is refused with the field named and nothing changed: a planned date in the past or malformed, a change
 * not approved (a draft), an unknown change, a release without a plan going to approval. And the scope rules: a
 * provider keeps its own releases, a customer reads those reaching its units, supervision reads only.
 */
class ReleaseRulesIntegrationTests extends IntegrationTestSupport {

	private ReleaseWorld world;

	@BeforeEach
	void world() {
		world = new ReleaseWorld(jdbc, api());
	}

	@Test
	void badInputIsRefusedBesideItsFieldAndNothingIsRecorded() {
		long app = world.item("APPLICATION_SYSTEM", "社保卡系统", Map.of("dengbao_level", "L3"));
		String manager = world.token(world.manager);
		long draftChange = world.create(world.change("社保卡系统补丁", List.of(app))).get("id").asLong();
		int before = releases();

		Map<String, Object> past = world.release("过期计划", List.of(app), List.of());
		past.put("plannedAt", "2020-01-01T00:00:00Z");
		var refused = api().post("/api/v1/releases", manager, past);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("plannedAt")).isTrue();

		Map<String, Object> malformed = world.release("日期不对", List.of(app), List.of());
		malformed.put("plannedAt", "下周六");
		assertThat(api().post("/api/v1/releases", manager, malformed).status()).isEqualTo(400);

		// a change still a draft (not approved) cannot be released, nor one that does not exist
		var unapproved = api().post("/api/v1/releases", manager,
				world.release("未批准变更的发布", List.of(app), List.of(draftChange)));
		assertThat(unapproved.status()).isEqualTo(400);
		assertThat(unapproved.json().get("errors").get("changeIds").asString()).isNotBlank();
		assertThat(api().post("/api/v1/releases", manager,
				world.release("不存在的变更", List.of(app), List.of(Long.MAX_VALUE))).status()).isEqualTo(400);

		Map<String, Object> noTitle = world.release(" ", List.of(app), List.of());
		noTitle.remove("releaseVersion");
		var blank = api().post("/api/v1/releases", manager, noTitle);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").has("title")).isTrue();
		assertThat(blank.json().get("errors").has("releaseVersion")).isTrue();
		assertThat(releases()).isEqualTo(before);

		// a draft without a plan may be saved, but not sent to approval
		Map<String, Object> unplanned = world.release("无方案发布", List.of(app), List.of());
		unplanned.remove("plan");
		long id = world.createRelease(unplanned).get("id").asLong();
		var notReady = api().post("/api/v1/releases/" + id + "/submit", manager, null);
		assertThat(notReady.status()).isEqualTo(422);
		assertThat(notReady.json().get("errors").has("plan")).isTrue();
		assertThat(world.releaseStatus(id)).isEqualTo("DRAFT");
		assertThat(world.releaseAudits("RELEASE_SUBMITTED", id)).isZero();
		// an edit that brings a draft change in is refused and leaves the release as it was
		var edit = api().put("/api/v1/releases/" + id, manager,
				world.release("无方案发布", List.of(app), List.of(draftChange)));
		assertThat(edit.status()).isEqualTo(400);
		assertThat(world.releaseAudits("RELEASE_EDITED", id)).isZero();
	}

	@Test
	void aProviderKeepsItsOwnReleasesACustomerReadsThoseReachingItsUnitsAndSupervisionOnlyReads() {
		long app = world.item("APPLICATION_SYSTEM", "政务服务网", Map.of("dengbao_level", "L3"));
		long id = world.createRelease(world.release("政务服务网发布", List.of(app), List.of())).get("id").asLong();
		String path = "/api/v1/releases/" + id;

		assertThat(api().get(path, world.token(world.otherManager)).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/releases?q=政务服务网发布", world.token(world.otherManager)).json().get("items")
			.size()).isZero();
		assertThat(api().get(path, world.token(world.bureauUser)).status()).isEqualTo(200);
		JsonNode bureauList = api().get("/api/v1/releases?q=政务服务网发布", world.token(world.bureauUser)).json();
		assertThat(bureauList.get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(api().get(path, world.token(world.otherCustomerUser)).status()).isEqualTo(404);
		assertThat(api().post(path + "/cancel", world.token(world.bureauUser), Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(api().get(path, world.token(world.supervisor)).status()).isEqualTo(200);
		assertThat(api().post(path + "/cancel", world.token(world.supervisor), Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(api().post("/api/v1/releases", world.token(world.agent),
				world.release("坐席不能制定", List.of(app), List.of())).status()).isEqualTo(403);
		assertThat(api().post(path + "/cancel", world.token(world.otherManager), Map.of("reason", "x")).status())
			.isEqualTo(404);
		assertThat(world.releaseStatus(id)).isEqualTo("DRAFT");

		JsonNode cancelled = api().post(path + "/cancel", world.token(world.manager), Map.of("reason", "需求变更"))
			.json();
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(world.releaseAudits("RELEASE_CANCELLED", id)).isEqualTo(1);
	}

	private int releases() {
		return jdbc.sql("select count(*) from release_record").query(Integer.class).single();
	}
}
