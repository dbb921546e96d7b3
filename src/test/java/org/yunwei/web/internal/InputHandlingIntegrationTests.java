package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Bad input refused in one place, the same way on every endpoint: control characters in JSON bodies, form posts and
 * query parameters, broken multipart requests, and query parameters that do not convert.
 */
class InputHandlingIntegrationTests extends IntegrationTestSupport {

	@Test
	void nulInAJsonTextFieldIsRefusedNamingTheFieldAndChangesNothing() {
		long before = parties();
		var response = api().post("/api/v1/parties", adminToken(),
				map("kind", "CUSTOMER", "code", TestDirectory.unique("NUL"), "name", "市教育局\u0000"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:yunwei:problem:validation");
		assertThat(response.json().get("errors").get("name").asString()).contains("控制字符");
		assertThat(parties()).isEqualTo(before);
	}

	@Test
	void otherControlCharactersAreRefusedToo() {
		var response = api().post("/api/v1/parties", adminToken(),
				map("kind", "CUSTOMER", "code", TestDirectory.unique("ESC"), "name", "市\u001b[31m教育局"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").has("name")).isTrue();
	}

	@Test
	void controlCharactersInQueryParametersAreRefusedNamingTheParameter() {
		var response = api().get("/api/v1/users?q=%00", adminToken());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get("q").asString()).contains("控制字符");
	}

	@Test
	void controlCharactersInAFormPostAreRefusedAndChangeNothing() {
		var directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("MANAGEMENT", "管理方"), null, "信息中心");
		String manager = directory.user(unit, directory.role("PARTY_MANAGE"));
		var session = new WebSession(port);
		session.signIn(manager, TestDirectory.PASSWORD, null);
		session.get("/admin/parties");
		long before = parties();
		var page = session.post("/admin/parties",
				Map.of("kind", "CUSTOMER", "code", TestDirectory.unique("F"), "name", "市教育局\u0000"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("控制字符").doesNotContain("Exception");
		assertThat(parties()).isEqualTo(before);
	}

	/**
	 * A word processor's manual line break (vertical tab) and page break (form feed) pasted into a page's form become
	 * spaces, so the form saves what the person sees; the API, whose callers are programs, refuses them like any other
	 * control character.
	 */
	@Test
	void pastedLineAndPageBreaksInAFormBecomeSpacesButTheApiRefusesThem() {
		var directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("MANAGEMENT", "管理方"), null, "信息中心");
		String manager = directory.user(unit, directory.role("PARTY_MANAGE"));
		var session = new WebSession(port);
		session.signIn(manager, TestDirectory.PASSWORD, null);
		session.get("/admin/parties");
		String code = TestDirectory.unique("VT");
		var page = session.post("/admin/parties",
				Map.of("kind", "CUSTOMER", "code", code, "name", "市教育局\u000B信息\u000C中心"));
		assertThat(page.status()).isEqualTo(302);
		assertThat(jdbc.sql("select name from party where code = ?").param(code).query(String.class).single())
			.isEqualTo("市教育局 信息 中心");

		var refused = api().post("/api/v1/parties", adminToken(),
				map("kind", "CUSTOMER", "code", TestDirectory.unique("VT"), "name", "市教育局\u000B信息中心"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("name")).isTrue();
	}

	@Test
	void aSignInWithControlCharactersIsRefusedWithoutAServerError() {
		var session = new WebSession(port);
		session.get("/login");
		var refused = session.post("/login", Map.of("username", "ad\u0000min", "password", "x\u0000"));
		assertThat(refused.status()).isLessThan(500);
		assertThat(refused.body()).doesNotContain("Exception");
	}

	@Test
	void aMultipartFileNameWithNulIsA400() throws Exception {
		var fixtures = new TicketFixtures(jdbc, api());
		long ticket = fixtures.submitted("附件文件名测试").get("ticket").get("id").asLong();
		long before = attachments();
		String boundary = "yunweiBoundary7MA4YWxkTrZu0gW";
		var body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var response = send(HttpRequest.newBuilder(uri("/api/v1/tickets/" + ticket + "/attachments"))
			.header("Authorization", "Bearer " + fixtures.token(fixtures.agent))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("urn:yunwei:problem:").doesNotContain("java.");
		assertThat(attachments()).isEqualTo(before);
	}

	@Test
	void multipartWithoutABoundaryIsA400() throws Exception {
		var response = send(HttpRequest.newBuilder(uri("/api/v1/tickets/1/attachments"))
			.header("Authorization", "Bearer " + adminToken())
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("urn:yunwei:problem:malformed-request").doesNotContain("java.");
	}

	@Test
	void aQueryParameterThatIsNotABooleanNamesTheParameterAndTheExpectedForm() throws Exception {
		var chinese = api().get("/api/v1/users?enabled=maybe", adminToken());
		assertThat(chinese.status()).isEqualTo(400);
		assertThat(chinese.json().get("errors").get("enabled").asString()).contains("true").contains("false");
		assertThat(chinese.body()).doesNotContain("java.").doesNotContain("Boolean");
		var english = send(HttpRequest.newBuilder(uri("/api/v1/catalog/services?enabled=maybe"))
			.header("Authorization", "Bearer " + adminToken())
			.header("Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("\"enabled\"").contains("true or false").doesNotContain("java.");
	}

	@Test
	void aQueryParameterOrPathThatIsNotANumberNamesItAndAsksForAWholeNumber() throws Exception {
		var limit = api().get("/api/v1/users?limit=twenty", adminToken());
		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.json().get("errors").get("limit").asString()).contains("整数");
		var path = send(HttpRequest.newBuilder(uri("/api/v1/parties/abc"))
			.header("Authorization", "Bearer " + adminToken())
			.header("Accept-Language", "en"));
		assertThat(path.statusCode()).isEqualTo(400);
		assertThat(path.body()).contains("\"id\"").contains("whole number").doesNotContain("java.");
	}

	/**
	 * Query parameters the application reads as text (a status, a priority, a person, a flag) name the form they
	 * take, as those Spring converts do, never "unknown value" or a message key.
	 */
	@Test
	void aTextParsedQueryParameterNamesTheExpectedForm() {
		var world = new TicketFixtures(jdbc, api());
		String agent = world.token(world.agent);
		var status = api().get("/api/v1/tickets?status=DONE", agent);
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.json().get("errors").get("status").asString()).contains("NEW").contains("RESOLVED");
		var priority = api().get("/api/v1/tickets?priority=P9", agent);
		assertThat(priority.json().get("errors").get("priority").asString()).contains("P1").contains("P4");
		var assignee = api().get("/api/v1/tickets?assignee=somebody", agent);
		assertThat(assignee.status()).isEqualTo(400);
		assertThat(assignee.json().get("errors").get("assignee").asString()).contains("me").contains("none");
		var reopened = api().get("/api/v1/tickets?reopened=maybe", agent);
		assertThat(reopened.json().get("errors").get("reopened").asString()).contains("true").contains("false");
		for (var answer : java.util.List.of(status, priority, assignee, reopened)) {
			assertThat(answer.body()).doesNotContain("ticket.").doesNotContain("field.").doesNotContain("java.");
		}
	}

	@Test
	void aJsonValueOfTheWrongKindNamesTheFieldAndTheExpectedForm() {
		var response = api().post("/api/v1/parties", adminToken(),
				map("kind", "CUSTOMER", "code", TestDirectory.unique("T"), "name", Map.of("nested", true)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").has("name")).isTrue();
		assertThat(response.body()).doesNotContain("java.").doesNotContain("String");
	}

	private long parties() {
		return jdbc.sql("select count(*) from party").query(Long.class).single();
	}

	private long attachments() {
		return jdbc.sql("select count(*) from ticket_attachment").query(Long.class).single();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
