package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/** The training plans and confidentiality agreements come in keyset pages, newest first, without gaps or repeats. */
class PersonnelKeysetIntegrationTests extends IntegrationTestSupport {

	@Test
	void trainingPlansAndAgreementsArePagedNewestFirstByKeyset() {
		TestDirectory directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("分页运维公司")), null, "运维部");
		String keeperName = directory.user(unit, "SERVICE_DESK_MANAGER");
		String keeper = Accounts.tokenFor(api(), keeperName, TestDirectory.PASSWORD, null);
		for (int year : List.of(2024, 2026, 2025)) {
			assertThat(api().post("/api/v1/trainings", keeper, map("year", year, "title", year + "年度运维培训计划"))
				.status()).isEqualTo(201);
		}
		assertThat(titles("/api/v1/trainings", keeper, "title")).containsExactly("2026年度运维培训计划",
				"2025年度运维培训计划", "2024年度运维培训计划");

		long staffId = api().post("/api/v1/staff", keeper, map("userId", directory.userId(directory.user(unit,
				"SERVICE_DESK_AGENT")))).json().get("id").asLong();
		for (String signed : List.of("2025-03-01", "2026-03-01", "2024-03-01")) {
			assertThat(api().post("/api/v1/confidentiality-agreements", keeper, map("staffId", staffId, "version",
					signed.substring(0, 4) + "版", "signedOn", signed)).status()).isEqualTo(201);
		}
		assertThat(titles("/api/v1/confidentiality-agreements", keeper, "version")).containsExactly("2026版", "2025版",
				"2024版");

		Response malformed = api().get("/api/v1/trainings?cursor=not-a-cursor", keeper);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("cursor");
		assertThat(api().get("/api/v1/appraisals?limit=0", keeper).body()).contains("limit");

		// the page's "more" link leads on from where the first page ended
		WebSession page = new WebSession(port);
		page.signIn(keeperName, TestDirectory.PASSWORD, null);
		assertThat(page.get("/trainings").body()).contains("2026年度运维培训计划");
	}

	/** Every page of a list at two per page, following the cursors to the end. */
	private List<String> titles(String path, String token, String field) {
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = api().get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			page.get("items").forEach(item -> seen.add(item.get(field).asString()));
			JsonNode next = page.get("next");
			cursor = next == null || next.isNull() ? null : next.asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(pages).isEqualTo(2);
		return seen;
	}
}
