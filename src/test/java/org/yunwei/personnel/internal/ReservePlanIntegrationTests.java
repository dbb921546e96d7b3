package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/** The reserve plan: a post's target on duty and in reserve against the staff records naming it, and the gap. */
class ReservePlanIntegrationTests extends IntegrationTestSupport {

	@Test
	void theGapIsTheTargetLessThePeopleOnThePost() {
		TestDirectory directory = new TestDirectory(jdbc);
		long provider = directory.party("PROVIDER", TestDirectory.unique("储备运维公司"));
		long unit = directory.orgUnit(provider, null, "运维部");
		String keeperName = directory.user(unit, "SERVICE_DESK_MANAGER");
		String keeper = Accounts.tokenFor(api(), keeperName, TestDirectory.PASSWORD, null);
		long post = jdbc.sql("insert into post (org_unit_id, name, responsibilities) values (?, '数据库运维岗', '巡检与备份') "
				+ "returning id").param(unit).query(Long.class).single();
		long customerPost = jdbc.sql("insert into post (org_unit_id, name, responsibilities) values (?, '信息员', '') "
				+ "returning id").param(directory.orgUnit(directory.party("CUSTOMER", TestDirectory.unique("某局")), null,
						"办公室")).query(Long.class).single();
		assertThat(api().post("/api/v1/staff", keeper, map("userId", directory.userId(directory.user(unit)),
				"postId", post)).status()).isEqualTo(201);
		assertThat(api().post("/api/v1/staff", keeper, map("userId", directory.userId(directory.user(unit)),
				"postId", customerPost)).body()).contains("postId");

		JsonNode before = line(api().get("/api/v1/staff/reserve", keeper).json(), post);
		assertThat(before.get("required").isNull()).isTrue();
		assertThat(before.get("staffed").asLong()).isEqualTo(1);
		assertThat(before.get("gap").asLong()).isZero();

		assertThat(api().put("/api/v1/staff/reserve/" + post, keeper, map("required", -1, "reserve", 1)).status())
			.isEqualTo(400);
		assertThat(api().put("/api/v1/staff/reserve/" + customerPost, keeper, map("required", 1, "reserve", 1))
			.status()).isEqualTo(404);
		JsonNode after = line(api().put("/api/v1/staff/reserve/" + post, keeper, map("required", 2, "reserve", 1))
			.json(), post);
		assertThat(after.get("gap").asLong()).isEqualTo(2);

		JsonNode item = api().get("/api/v1/compliance/items/5.2.2a", keeper).json().get("item");
		assertThat(item.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(item.get("gaps").toString()).contains("1 个岗位共缺 2 人");

		WebSession page = new WebSession(port);
		page.signIn(keeperName, TestDirectory.PASSWORD, null);
		assertThat(page.get("/staff/reserve").body()).contains("数据库运维岗", "缺 2 人");
	}

	private static JsonNode line(JsonNode plan, long post) {
		for (JsonNode line : plan) {
			if (line.get("postId").asLong() == post) {
				return line;
			}
		}
		throw new AssertionError("post " + post + " not in " + plan);
	}
}
