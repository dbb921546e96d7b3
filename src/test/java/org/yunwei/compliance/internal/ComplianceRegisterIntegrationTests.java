package org.yunwei.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * The register as its readers meet it: all 89 items, grouped by chapter; one item by id; who may read it (management
 * and supervision every provider, customers nobody, even with the permission); no way to write it.
 */
class ComplianceRegisterIntegrationTests extends IntegrationTestSupport {

	/** A message key shown as text instead of its message. */
	private static final java.util.regex.Pattern RAW_KEY = java.util.regex.Pattern
		.compile(">\\s*(evidence|compliance|nav)\\.[a-z]");

	TestDirectory directory;
	long provider;
	String manager;
	String supervisor;
	String customer;

	@BeforeEach
	void people() {
		directory = new TestDirectory(jdbc);
		provider = directory.party("PROVIDER", "考核服务商");
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		manager = directory.user(management, "SERVICE_MANAGER");
		long supervision = directory.orgUnit(directory.party("SUPERVISION", "监理公司"), null, "监理部");
		supervisor = directory.user(supervision, "SUPERVISOR");
		long bureau = directory.orgUnit(directory.party("CUSTOMER", "考核委办局"), null, "办公室");
		customer = directory.user(bureau, directory.role("COMPLIANCE_READ", "TICKET_REPORT"));
	}

	private String token(String username) {
		return Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
	}

	@Test
	void listsEveryItemOfTheStandardOnceGroupedByChapter() throws IOException {
		var response = api().get("/api/v1/compliance/items", token(manager));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode register = response.json();
		List<String> ids = new ArrayList<>();
		List<Integer> chapters = new ArrayList<>();
		int evidenced = 0;
		int partial = 0;
		for (JsonNode chapter : register.get("chapters")) {
			chapters.add(chapter.get("number").asInt());
			assertThat(chapter.get("title").asString()).isNotBlank().doesNotStartWith("compliance.");
			for (JsonNode item : chapter.get("items")) {
				ids.add(item.get("id").asString());
				assertThat(item.get("chapter").asInt()).isEqualTo(chapter.get("number").asInt());
				assertThat(item.get("state").asString()).isIn("EVIDENCED", "PARTIAL", "MISSING");
				evidenced += item.get("state").asString().equals("EVIDENCED") ? 1 : 0;
				partial += item.get("state").asString().equals("PARTIAL") ? 1 : 0;
				for (JsonNode figure : item.get("figures")) {
					assertThat(figure.get("label").asString()).doesNotStartWith("evidence.");
				}
			}
		}
		assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tsvIds());
		assertThat(chapters).containsExactly(4, 5, 6, 7, 8, 9, 10);
		assertThat(register.get("counts").get("total").asInt()).isEqualTo(89);
		assertThat(register.get("counts").get("evidenced").asInt()).isEqualTo(evidenced);
		assertThat(register.get("counts").get("partial").asInt()).isEqualTo(partial);
		assertThat(register.get("counts").get("missing").asInt()).isEqualTo(89 - evidenced - partial);
		assertThat(evidenced).isGreaterThanOrEqualTo(13);
	}

	@Test
	void contributesWhatTheModulesProveAndNothingMore() {
		String token = token(manager);
		for (String id : List.of("4.3.2c", "4.4.2b", "5.3.2a", "5.4.2c", "6.1.2b", "6.1.2c", "6.1.2d", "6.1.2e", "7.2.2a",
				"7.2.2b", "7.2.2c", "7.2.2d", "10.3.2c")) {
			assertThat(item(token, id).get("state").asString()).as(id).isEqualTo("EVIDENCED");
		}
		for (String id : List.of("5.3.2b", "5.3.2c", "7.7.2a")) {
			JsonNode item = item(token, id);
			assertThat(item.get("state").asString()).as(id).isEqualTo("PARTIAL");
			assertThat(item.get("present").size()).as(id).isPositive();
			assertThat(item.get("missing").size()).as(id).isPositive();
		}
		// no module answers 应用系统提升管理 yet (9.3.2c 测试报告)
		JsonNode missing = item(token, "9.3.2c");
		assertThat(missing.get("state").asString()).isEqualTo("MISSING");
		assertThat(missing.get("stateLabel").asString()).isEqualTo("未提供");
		assertThat(missing.get("requirement").asString()).isEqualTo("测试报告");
		// the interface document's figure: the operations the OpenAPI document itself lists under /api/
		long operations = 0;
		JsonNode paths = api().get("/v3/api-docs", null).json().get("paths");
		for (String path : paths.propertyNames()) {
			if (path.startsWith("/api/")) {
				operations += paths.get(path).size();
			}
		}
		JsonNode documented = item(token, "10.3.2c");
		assertThat(documented.get("figures").get(0).get("value").asLong()).isEqualTo(operations).isGreaterThan(50);
	}

	@Test
	void anUnknownItemIsNotFoundAndABadPeriodOrProviderIsRefused() {
		String token = token(manager);

		var unknown = api().get("/api/v1/compliance/items/6.1.2z", token);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");

		var backwards = api().get("/api/v1/compliance/items?from=2026-03-31&to=2026-03-01", token);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("\"to\"");
		var tooLong = api().get("/api/v1/compliance/items?from=2025-01-01&to=2026-12-31", token);
		assertThat(tooLong.status()).isEqualTo(400);

		long customerParty = jdbc.sql("select id from party where kind = 'CUSTOMER' order by id limit 1")
			.query(Long.class).single();
		var notAProvider = api().get("/api/v1/compliance/items?provider=" + customerParty, token);
		assertThat(notAProvider.status()).isEqualTo(400);
		assertThat(notAProvider.body()).contains("\"provider\"");
	}

	@Test
	void customersAreRefusedEvenWithThePermission() {
		assertThat(api().get("/api/v1/compliance/items", token(customer)).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/compliance/items/6.1.2e", token(customer)).status()).isEqualTo(403);

		WebSession session = new WebSession(port);
		session.signIn(customer, TestDirectory.PASSWORD, null);
		assertThat(session.get("/compliance").status()).isEqualTo(403);
		assertThat(session.get("/compliance/items/6.1.2e").status()).isEqualTo(403);
		assertThat(session.get("/").body()).doesNotContain("nav-compliance", "top-compliance");
	}

	@Test
	void supervisionReadsEveryProviderAndNobodyCanWriteTheRegister() {
		String token = token(supervisor);

		var read = api().get("/api/v1/compliance/items", token);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("providerPartyId").isNull()).isTrue();
		var one = api().get("/api/v1/compliance/items?provider=" + provider, token);
		assertThat(one.json().get("providerPartyId").asLong()).isEqualTo(provider);

		for (String manager : List.of(token, token(this.manager))) {
			assertThat(api().post("/api/v1/compliance/items", manager, java.util.Map.of("id", "6.1.2e")).status())
				.isEqualTo(405);
			assertThat(api().put("/api/v1/compliance/items/6.1.2e", manager, java.util.Map.of("state", "EVIDENCED"))
				.status()).isEqualTo(405);
			assertThat(api().delete("/api/v1/compliance/items/6.1.2e", manager).status()).isEqualTo(405);
		}
	}

	@Test
	void thePageShowsEveryItemByChapterInEitherLanguage() {
		WebSession session = new WebSession(port);
		session.signIn(supervisor, TestDirectory.PASSWORD, null);

		var page = session.get("/compliance");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"nav-compliance\"", "id=\"top-compliance\"", "id=\"chapter-4\"", "id=\"chapter-10\"",
				"id=\"item-6.1.2e\"", "id=\"item-5.6.2a.1\"", "已提供证据", "未提供", "部分", "c-provider",
				"共 89 项", "开发运维安全一体化管理");
		assertThat(page.body().split("class=\"list-group-item yw-item\"", -1)).hasSize(90);
		assertThat(page.body()).doesNotContainPattern(RAW_KEY).doesNotContain("??");

		var english = session.get("/compliance?lang=en");
		assertThat(english.body()).contains("Evidenced", "Not yet provided", "Integrated development", "of 89 items",
				"Return-visit reports", "Tickets created in the period");
		assertThat(english.body()).doesNotContainPattern(RAW_KEY).doesNotContain("??");

		var item = session.get("/compliance/items/6.1.2e?lang=zh_CN");
		assertThat(item.status()).isEqualTo(200);
		assertThat(item.body()).contains("6.1.2e 回访报告", "/return-visits");
		var unreadable = session.get("/compliance?from=2026-13-01&to=2026-12-31&provider=abc");
		assertThat(unreadable.status()).isEqualTo(200);
		assertThat(unreadable.body()).contains("is-invalid", "请选择一个服务方");
	}

	private JsonNode item(String token, String id) {
		var response = api().get("/api/v1/compliance/items/" + id, token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("item").get("id").asString()).isEqualTo(id);
		return response.json().get("item");
	}

	private static List<String> tsvIds() throws IOException {
		try (InputStream in = ComplianceRegisterIntegrationTests.class.getClassLoader()
			.getResourceAsStream("compliance/assessment-items.tsv")) {
			List<String> ids = new ArrayList<>();
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			for (String line : lines.subList(1, lines.size())) {
				if (!line.isBlank()) {
					String[] cells = line.split("\t");
					ids.add(cells[0] + cells[1]);
				}
			}
			return ids;
		}
	}
}
