package org.yunwei.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.internal.ApprovalProcess;
import org.yunwei.approval.internal.DecisionKind;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * The library through its API: a version goes through the approval module before it takes effect, is read and
 * confirmed, and counts as evidence; bad files change nothing; scope and permissions hold.
 */
@EnableScenarios
class DocumentLibraryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	DocumentWorld world;
	String keeper;

	@BeforeEach
	void world() {
		world = new DocumentWorld(jdbc, port);
		keeper = world.token(world.keeper);
	}

	@Test
	void aVersionTakesEffectOnlyOnceApprovedAndIsThenReadAndConfirmed(Scenario scenario) {
		long id = world.document(keeper, "SERVICE_DESK", "服务台管理制度");
		var first = world.upload(id, keeper, "服务台管理制度.pdf", OfficeFiles.pdf("v1"), "?changeNote=初稿");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		long version = first.json().get("id").asLong();
		assertThat(first.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(world.api.put("/api/v1/documents/" + id + "/versions/" + version + "/readers", keeper,
				Map.of("userIds", List.of(world.directory.userId(world.agent)))).status()).isEqualTo(200);

		var submitted = world.api.post("/api/v1/documents/" + id + "/versions/" + version + "/submit", keeper, null);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		long request = submitted.json().get("requestId").asLong();
		assertThat(world.status(version)).isEqualTo("PENDING");
		// not yet in effect: no current version, nobody asked to read
		String agent = world.token(world.agent);
		assertThat(world.api.get("/api/v1/documents/" + id, agent).json().get("document").get("currentVersionId")
			.isNull()).isTrue();
		assertThat(world.api.get("/api/v1/documents/to-read", agent).json().size()).isZero();

		scenario.stimulate(() -> decide(world.lead, request, DecisionKind.APPROVE))
			.andWaitForStateChange(() -> world.status(version), "PUBLISHED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("PUBLISHED"));
		assertThat(world.audits("DOCUMENT_PUBLISHED", id)).isEqualTo(1);
		var document = world.api.get("/api/v1/documents/" + id, agent).json().get("document");
		assertThat(document.get("currentVersionId").asLong()).isEqualTo(version);
		assertThat(document.get("effectiveDate").isNull()).isFalse();

		var toRead = world.api.get("/api/v1/documents/to-read", agent).json();
		assertThat(toRead.size()).isEqualTo(1);
		assertThat(toRead.get(0).get("versionId").asLong()).isEqualTo(version);
		assertThat(world.api.post("/api/v1/documents/" + id + "/versions/" + version + "/acknowledge", agent, null)
			.status()).isEqualTo(204);
		assertThat(world.api.get("/api/v1/documents/to-read", agent).json().size()).isZero();
		var status = world.api.get("/api/v1/documents/" + id + "/versions/" + version + "/acknowledgements", keeper)
			.json();
		assertThat(status.get("asked").asLong()).isEqualTo(1);
		assertThat(status.get("confirmed").asLong()).isEqualTo(1);
		assertThat(world.audits("DOCUMENT_ACKNOWLEDGED", id)).isEqualTo(1);
		var export = world.download("/api/v1/documents/" + id + "/versions/" + version + "/acknowledgements/export",
				keeper);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(new String(export.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
		// the agent only reads: who confirmed is the keepers'
		assertThat(world.api.get("/api/v1/documents/" + id + "/versions/" + version + "/acknowledgements", agent)
			.status()).isEqualTo(403);

		// a second version supersedes the first, which stays readable
		var second = world.api.post("/api/v1/documents/" + id + "/versions", keeper,
				Map.of("body", "<h2>第二版</h2><p>服务台值守要求<script>alert(1)</script></p>"));
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		long next = second.json().get("id").asLong();
		long nextRequest = world.api.post("/api/v1/documents/" + id + "/versions/" + next + "/submit", keeper, null)
			.json().get("requestId").asLong();
		scenario.stimulate(() -> decide(world.lead, nextRequest, DecisionKind.APPROVE))
			.andWaitForStateChange(() -> world.status(next), "PUBLISHED"::equals)
			.andVerify(s -> assertThat(world.status(version)).isEqualTo("SUPERSEDED"));
		var old = world.download("/api/v1/documents/" + id + "/versions/" + version + "/content", agent);
		assertThat(old.statusCode()).isEqualTo(200);
		assertThat(old.body()).isEqualTo(OfficeFiles.pdf("v1"));
		var text = world.download("/api/v1/documents/" + id + "/versions/" + next + "/content", agent);
		assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("<h2>第二版</h2>").doesNotContain("script");
	}

	@Test
	void aRejectedVersionIsADraftAgainWithTheReasonAndADecisionDeliveredTwiceChangesNothing(Scenario scenario) {
		long id = world.document(keeper, "CONDUCT", "行为管理准则");
		long version = world.upload(id, keeper, "准则.pdf", OfficeFiles.pdf("conduct"), "").json().get("id").asLong();
		var submitted = world.api.post("/api/v1/documents/" + id + "/versions/" + version + "/submit", keeper, null)
			.json();
		String hash = jdbc.sql("select sha256 from document_version where id = ?").param(version)
			.query(String.class).single();
		ApprovalRejected rejected = new ApprovalRejected(submitted.get("requestId").asLong(), "document-version",
				version, hash, "条款不完整", Instant.now());
		scenario.publish(rejected)
			.andWaitForStateChange(() -> world.status(version), "DRAFT"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("DRAFT"));
		scenario.publish(rejected)
			.andWaitForStateChange(() -> world.audits("DOCUMENT_VERSION_NOT_GRANTED", id))
			.andVerify(count -> assertThat(count).isEqualTo(1));
		var shown = world.api.get("/api/v1/documents/" + id + "/versions/" + version, keeper).json();
		assertThat(shown.get("declined").asString()).isEqualTo("REJECTED");
		assertThat(shown.get("reason").asString()).isEqualTo("条款不完整");
		// a grant for another hash is not this version's
		scenario.publish(new org.yunwei.approval.ApprovalGranted(1L, "document-version", version, "0".repeat(64),
				Instant.now()))
			.andWaitForStateChange(() -> world.status(version))
			.andVerify(status -> assertThat(status).isEqualTo("DRAFT"));
	}

	@Test
	void aFileThatIsNotWhatItsNameSaysOrOfAForbiddenTypeIsRefusedAndNothingIsKept() {
		long id = world.document(keeper, "MACHINE_ROOM", "机房管理准则");
		var fake = world.upload(id, keeper, "机房.pdf", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8),
				"");
		assertThat(fake.status()).isEqualTo(422);
		assertThat(fake.json().get("type").asString()).endsWith("document-type-mismatch");
		var exe = world.upload(id, keeper, "setup.exe", new byte[] { 'M', 'Z', 0, 0 }, "");
		assertThat(exe.status()).isEqualTo(422);
		var both = world.api.post("/api/v1/documents/" + id + "/versions", keeper, Map.of("body", "<script>x</script>"));
		assertThat(both.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from document_version where document_id = ?").param(id)
			.query(Long.class).single()).isZero();
		assertThat(world.audits("DOCUMENT_VERSION_ADDED", id)).isZero();
	}

	@Test
	void readersSeeOnlyTheDocumentsThatApplyToThemAndOnlyKeepersWrite() {
		long own = world.document(keeper, "SECURITY", "安全管理实施制度");
		long shared = world.document(keeper, "SECURITY", "用户须知", world.customerParty);
		String customer = world.token(world.customer);
		assertThat(world.api.get("/api/v1/documents/" + own, customer).status()).isEqualTo(404);
		assertThat(world.api.get("/api/v1/documents/" + shared, customer).status()).isEqualTo(200);
		var listed = world.api.get("/api/v1/documents?size=200&q=" + java.net.URLEncoder.encode("用户须知",
				StandardCharsets.UTF_8), customer).json().get("items");
		assertThat(listed.valueStream().map(v -> v.get("document").get("id").asLong())).contains(shared)
			.doesNotContain(own);
		String agent = world.token(world.agent);
		assertThat(world.api.post("/api/v1/documents", agent, Map.of("title", "x")).status()).isEqualTo(403);
		assertThat(world.api.put("/api/v1/documents/" + shared, customer, Map.of("title", "x")).status())
			.isEqualTo(403);
		var bad = world.api.post("/api/v1/documents", keeper, Map.of("title", " ", "categoryId", 987654321L));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("title", "categoryId");
		assertThat(world.api.get("/api/v1/documents?sort=NAME", keeper).status()).isEqualTo(400);
		// an internal file is never listed to the customer
		var internal = world.upload(shared, keeper, "内部.pdf", OfficeFiles.pdf("internal"), "?internal=true");
		assertThat(internal.status()).isEqualTo(201);
		long version = internal.json().get("id").asLong();
		assertThat(world.api.get("/api/v1/documents/" + shared + "/versions/" + version, customer).status())
			.isEqualTo(404);
	}

	@Test
	void theServiceDeskPolicyCountsAsEvidenceOnceCurrentAndConfirmed(Scenario scenario) {
		String reader = world.token(world.keeper);
		long id = world.document(keeper, "KNOWLEDGE", "知识库管理制度");
		long version = world.upload(id, keeper, "知识库.pdf", OfficeFiles.pdf("kb"), "").json().get("id").asLong();
		var before = world.api.get("/api/v1/compliance/items/6.2.2a", reader).json();
		assertThat(before.get("item").get("state").asString()).isEqualTo("PARTIAL");
		long request = world.api.post("/api/v1/documents/" + id + "/versions/" + version + "/submit", keeper, null)
			.json().get("requestId").asLong();
		scenario.stimulate(() -> decide(world.lead, request, DecisionKind.APPROVE))
			.andWaitForStateChange(() -> world.status(version), "PUBLISHED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("PUBLISHED"));
		var after = world.api.get("/api/v1/compliance/items/6.2.2a", reader).json();
		assertThat(after.get("item").get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(after.toString()).contains("知识库管理制度");
	}

	@Test
	void eachModulesListShowsThePoliciesOfItsOwnCategoryByName() {
		WebSession session = new WebSession(port);
		session.signIn(world.keeper, TestDirectory.PASSWORD, null);
		Map<String, String> names = Map.of("CHANGE", "变更", "PROBLEM", "问题", "CONFIGURATION", "配置",
				"RELEASE", "发布", "EMERGENCY", "应急", "KNOWLEDGE", "知识");
		names.forEach((category, word) -> {
			var box = session.get("/documents/governing?category=" + category);
			assertThat(box.status()).as(category).isEqualTo(200);
			assertThat(box.body()).as(category).contains("id=\"governing-documents\"", word)
				.doesNotContain(category);
		});
	}

	@Test
	void theKeeperAndTheReaderOpenTheDocumentsPages() {
		long id = world.document(keeper, "SERVICE_DESK", "服务台管理制度（页面）", world.customerParty);
		long version = world.api.post("/api/v1/documents/" + id + "/versions", keeper,
				Map.of("body", "<p>受理时限</p>")).json().get("id").asLong();
		WebSession session = new WebSession(port);
		session.signIn(world.keeper, TestDirectory.PASSWORD, null);
		for (String path : List.of("/documents", "/documents/" + id, "/documents/" + id + "/edit",
				"/documents/" + id + "/versions/" + version, "/documents/categories", "/documents/posts",
				"/documents/governing?category=SERVICE_DESK", "/documents/new")) {
			assertThat(session.get(path).status()).as(path).isEqualTo(200);
		}
		assertThat(session.get("/documents/" + id).body()).contains("服务台管理制度（页面）", "id=\"submit-1\"");
		assertThat(session.get("/documents/" + id + "/versions/" + version).body()).contains("<p>受理时限</p>");
		WebSession reader = new WebSession(port);
		reader.signIn(world.customer, TestDirectory.PASSWORD, null);
		assertThat(reader.get("/documents/" + id).status()).isEqualTo(200);
		// a draft is its keepers' alone
		assertThat(reader.get("/documents/" + id).body()).doesNotContain("submit-1");
		assertThat(reader.get("/documents/" + id + "/versions/" + version).status()).isEqualTo(404);
		assertThat(reader.get("/documents/new").status()).isEqualTo(403);
	}

	@Test
	void theOwnerIsRemindedOnceWhenTheReviewComesDue() {
		long id = world.document(keeper, "EMERGENCY", "应急管理制度");
		long version = world.api.post("/api/v1/documents/" + id + "/versions", keeper,
				Map.of("body", "<p>应急响应分级</p>")).json().get("id").asLong();
		world.api.post("/api/v1/documents/" + id + "/versions/" + version + "/submit", keeper, null);
		String hash = jdbc.sql("select sha256 from document_version where id = ?").param(version)
			.query(String.class).single();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		context.getBean(DocumentPublication.class).granted(version, hash, Instant.now(), today);
		assertThat(world.status(version)).isEqualTo("PUBLISHED");
		jdbc.sql("update document set review_date = ? where id = ?")
			.params(java.sql.Date.valueOf(today.minusDays(1)), id).update();

		ReviewReminders reminders = context.getBean(ReviewReminders.class);
		assertThat(reminders.remind(today)).isGreaterThanOrEqualTo(1);
		long owner = world.directory.userId(world.keeper);
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'document.review'")
			.param(owner).query(Long.class).single()).isEqualTo(1);
		reminders.remind(today);
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'document.review'")
			.param(owner).query(Long.class).single()).isEqualTo(1);
		assertThat(world.audits("DOCUMENT_REVIEW_REMINDED", id)).isEqualTo(1);
		var overdue = world.api.get("/api/v1/documents?state=REVIEW_DUE&size=200", keeper).json().get("items");
		assertThat(overdue.valueStream().map(v -> v.get("document").get("id").asLong())).contains(id);
	}

	private void decide(String username, long request, DecisionKind kind) {
		try (SignedIn signedIn = SignedIn.as(context, world.directory.userId(username))) {
			context.getBean(ApprovalProcess.class).decide(request, kind, null);
		}
	}
}
