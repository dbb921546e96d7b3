package org.yunwei.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.approval.internal.ApprovalProcess;
import org.yunwei.approval.internal.DecisionKind;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * What issue 15's library lacked: categories management renames, retires and reinstates (audited, validated); readers
 * asked by a custom role; the list read by keyset in each of its sorts.
 */
@EnableScenarios
class DocumentCategoriesReadersPagingIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	DocumentWorld world;
	String keeper;
	String manager;
	String managerName;

	@BeforeEach
	void world() {
		world = new DocumentWorld(jdbc, port);
		keeper = world.token(world.keeper);
		long management = world.directory.orgUnit(world.directory.party("MANAGEMENT", "政务服务数据管理局"), null,
				"运维管理科");
		managerName = world.directory.user(management, "SERVICE_MANAGER");
		manager = world.token(managerName);
	}

	@Test
	void managementRenamesRetiresAndReinstatesACategoryAndEachIsAuditedAndChecked() {
		String name = TestDirectory.unique("服务报告模板");
		var added = world.api.post("/api/v1/document-categories", manager, Map.of("name", name, "items", List.of()));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long id = added.json().get("id").asLong();
		String other = TestDirectory.unique("巡检报告模板");
		world.api.post("/api/v1/document-categories", manager, Map.of("name", other, "items", List.of()));

		var blank = world.api.put("/api/v1/document-categories/" + id + "/name", manager, Map.of("name", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("name");
		assertThat(world.api.put("/api/v1/document-categories/" + id + "/name", manager, Map.of("name", other))
			.status()).isEqualTo(409);
		assertThat(world.api.put("/api/v1/document-categories/" + id + "/name", keeper, Map.of("name", "x"))
			.status()).isEqualTo(403);
		assertThat(nameOf(id)).isEqualTo(name);

		String renamed = TestDirectory.unique("服务报告模板（修订）");
		var ok = world.api.put("/api/v1/document-categories/" + id + "/name", manager, Map.of("name", renamed));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.json().get("name").asString()).isEqualTo(renamed);
		assertThat(world.audits("DOCUMENT_CATEGORY_RENAMED", id)).isEqualTo(1);

		// a document filed before the retirement keeps its category; no new one is filed under it
		long kept = created(world.api.post("/api/v1/documents", keeper,
				Map.of("categoryId", id, "title", "月报模板", "reviewDate", "2099-01-01")));
		assertThat(world.api.post("/api/v1/document-categories/" + id + "/retire", keeper, null).status())
			.isEqualTo(403);
		var retired = world.api.post("/api/v1/document-categories/" + id + "/retire", manager, null);
		assertThat(retired.status()).isEqualTo(200);
		assertThat(retired.json().get("retired").asBoolean()).isTrue();
		assertThat(world.audits("DOCUMENT_CATEGORY_RETIRED", id)).isEqualTo(1);
		var refused = world.api.post("/api/v1/documents", keeper, Map.of("categoryId", id, "title", "周报模板"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("categoryId");
		assertThat(world.api.put("/api/v1/documents/" + kept, keeper,
				Map.of("categoryId", id, "title", "月报模板（修订）", "reviewDate", "2099-01-01")).status())
			.isEqualTo(200);

		long builtIn = world.category("SERVICE_DESK");
		assertThat(world.api.post("/api/v1/document-categories/" + builtIn + "/retire", manager, null).status())
			.isEqualTo(409);
		assertThat(jdbc.sql("select retired_at is null from document_category where id = ?").param(builtIn)
			.query(Boolean.class).single()).isTrue();

		var reinstated = world.api.post("/api/v1/document-categories/" + id + "/reinstate", manager, null);
		assertThat(reinstated.json().get("retired").asBoolean()).isFalse();
		assertThat(world.audits("DOCUMENT_CATEGORY_REINSTATED", id)).isEqualTo(1);
		assertThat(world.api.post("/api/v1/documents", keeper, Map.of("categoryId", id, "title", "周报模板"))
			.status()).isEqualTo(201);
	}

	@Test
	void theCategoriesPageRenamesWithTheErrorBesideTheFieldAndRetires() {
		String name = TestDirectory.unique("评估报告模板");
		long id = world.api.post("/api/v1/document-categories", manager, Map.of("name", name, "items", List.of()))
			.json().get("id").asLong();
		WebSession session = new WebSession(port);
		session.signIn(managerName, TestDirectory.PASSWORD, null);
		var page = session.get("/documents/categories");
		assertThat(page.body()).contains("id=\"rename-" + id + "\"", "id=\"retire-" + id + "\"");

		var blank = session.post("/documents/categories/" + id + "/name", Map.of("name", ""));
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("id=\"rename-error-" + id + "\"");
		assertThat(nameOf(id)).isEqualTo(name);

		String renamed = TestDirectory.unique("评估报告模板（新）");
		var saved = session.post("/documents/categories/" + id + "/name", Map.of("name", renamed));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(session.get("/documents/categories").body()).contains(renamed);
		assertThat(session.post("/documents/categories/" + id + "/retire", Map.of()).status()).isEqualTo(302);
		String after = session.get("/documents/categories").body();
		assertThat(after).contains("id=\"reinstate-" + id + "\"").doesNotContain("id=\"retire-" + id + "\"");
		// the new document's category picker leaves the retired category out
		WebSession keeperSession = new WebSession(port);
		keeperSession.signIn(world.keeper, TestDirectory.PASSWORD, null);
		assertThat(keeperSession.get("/documents/new").body()).doesNotContain(renamed);
	}

	@Test
	void aCustomRoleNamedAsReadersAsksItsHoldersToConfirm(Scenario scenario) {
		String role = world.directory.role("TICKET_WORK");
		String holder = world.directory.user(world.desk, role);
		long id = world.document(keeper, "SERVICE_DESK", TestDirectory.unique("值班交接规定"));
		long version = world.upload(id, keeper, "值班交接.pdf", OfficeFiles.pdf("duty"), "").json().get("id").asLong();

		var unknown = world.api.put("/api/v1/documents/" + id + "/versions/" + version + "/readers", keeper,
				Map.of("roleCodes", List.of("NO_SUCH_ROLE")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("roleCodes");
		var named = world.api.put("/api/v1/documents/" + id + "/versions/" + version + "/readers", keeper,
				Map.of("roleCodes", List.of(role)));
		assertThat(named.status()).as(named.toString()).isEqualTo(200);

		WebSession session = new WebSession(port);
		session.signIn(world.keeper, TestDirectory.PASSWORD, null);
		assertThat(session.get("/documents/" + id).body()).contains("角色 " + role);

		long request = world.api.post("/api/v1/documents/" + id + "/versions/" + version + "/submit", keeper, null)
			.json().get("requestId").asLong();
		scenario.stimulate(() -> approve(world.lead, request))
			.andWaitForStateChange(() -> world.status(version), "PUBLISHED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("PUBLISHED"));

		var toRead = world.api.get("/api/v1/documents/to-read", world.token(holder)).json();
		assertThat(toRead.toString()).contains("\"versionId\":" + version);
		var notAsked = world.api.get("/api/v1/documents/to-read", world.token(world.agent)).json();
		assertThat(notAsked.toString()).doesNotContain("\"versionId\":" + version);
	}

	@Test
	void theListIsReadByKeysetInEverySortWithoutLosingOrRepeatingADocument() {
		String prefix = TestDirectory.unique("翻页");
		List<Long> ids = new ArrayList<>();
		String[] reviews = { "2099-03-01", null, "2099-01-01", null, "2099-02-01" };
		for (int i = 0; i < reviews.length; i++) {
			Map<String, Object> body = new HashMap<>(Map.of("categoryId", world.category("CHANGE"), "title",
					prefix + " " + (char) ('E' - i)));
			if (reviews[i] != null) {
				body.put("reviewDate", reviews[i]);
			}
			ids.add(created(world.api.post("/api/v1/documents", keeper, body)));
		}
		String q = java.net.URLEncoder.encode(prefix, StandardCharsets.UTF_8);
		// titles E, D, C, B, A were created in that order
		assertThat(walk("/api/v1/documents?size=2&sort=TITLE&q=" + q)).containsExactly(ids.get(4), ids.get(3),
				ids.get(2), ids.get(1), ids.get(0));
		assertThat(walk("/api/v1/documents?size=2&q=" + q)).containsExactly(ids.get(4), ids.get(3), ids.get(2),
				ids.get(1), ids.get(0));
		// review date first, those without one last, each by id
		assertThat(walk("/api/v1/documents?size=2&sort=REVIEW&q=" + q)).containsExactly(ids.get(2), ids.get(4),
				ids.get(0), ids.get(1), ids.get(3));
		assertThat(walk("/api/v1/documents?size=1&sort=EFFECTIVE&q=" + q)).containsExactly(ids.get(4), ids.get(3),
				ids.get(2), ids.get(1), ids.get(0));

		assertThat(world.api.get("/api/v1/documents?cursor=bm9wZQ&q=" + q, keeper).body()).contains("cursor");
		assertThat(world.api.get("/api/v1/documents?cursor=bm9wZQ&q=" + q, keeper).status()).isEqualTo(400);
		String titleCursor = world.api.get("/api/v1/documents?size=2&sort=TITLE&q=" + q, keeper).json().get("next")
			.asString();
		assertThat(world.api.get("/api/v1/documents?sort=UPDATED&cursor=" + titleCursor + "&q=" + q, keeper)
			.status()).isEqualTo(400);

		WebSession session = new WebSession(port);
		session.signIn(world.keeper, TestDirectory.PASSWORD, null);
		var second = session.get("/documents?sort=TITLE&q=" + q + "&cursor=" + titleCursor);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).contains("id=\"documents-first\"", "id=\"document-" + ids.get(2) + "\"")
			.doesNotContain("id=\"document-" + ids.get(4) + "\"");
	}

	/** Every id of every page, following {@code next}. */
	private List<Long> walk(String first) {
		List<Long> seen = new ArrayList<>();
		String path = first;
		for (int pages = 0; pages < 20; pages++) {
			ApiClient.Response page = world.api.get(path, keeper);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().get("items").valueStream().forEach(v -> seen.add(v.get("document").get("id").asLong()));
			var next = page.json().get("next");
			if (next == null || next.isNull()) {
				return seen;
			}
			path = first + "&cursor=" + next.asString();
		}
		throw new AssertionError("more than 20 pages");
	}

	private static long created(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var body = response.json();
		return body.has("document") ? body.get("document").get("id").asLong() : body.get("id").asLong();
	}

	private String nameOf(long category) {
		return jdbc.sql("select name from document_category where id = ?").param(category).query(String.class)
			.single();
	}

	private void approve(String username, long request) {
		try (SignedIn signedIn = SignedIn.as(context, world.directory.userId(username))) {
			context.getBean(ApprovalProcess.class).decide(request, DecisionKind.APPROVE, null);
		}
	}
}
