package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

class ApiConventionsIntegrationTests extends IntegrationTestSupport {

	@Test
	void malformedJsonIsAProblemDetailAndChangesNothing() {
		long before = jdbc.sql("select count(*) from api_token").query(Long.class).single();
		var response = api().postRaw("/api/v1/auth/tokens", null, "{\"username\": \"admin\", ", "application/json");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:yunwei:problem:malformed-request");
		assertThat(response.json().get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void unknownAddressesAreProblemDetails() {
		var response = api().get("/api/v1/no-such-thing", adminToken());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:yunwei:problem:not-found");
	}

	@Test
	void callsWithoutATokenGet401WithAChallenge() throws Exception {
		var response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.body()).contains("urn:yunwei:problem:unauthenticated");
	}

	@Test
	void detailsFollowTheRequestedLanguage() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("[1,2"))
			.build();
		var english = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(english.body()).contains("The request is malformed");
		var chinese = api().postRaw("/api/v1/auth/tokens", null, "[1,2", "application/json");
		assertThat(chinese.body()).contains("请求格式不正确");
	}

	@Test
	void healthIsPublicAndIncludesTheDatabase() {
		var health = api().get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsNeedATokenOfAnAccountAllowedToReadThemByDefault() throws Exception {
		var anonymous = metrics(null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("urn:yunwei:problem:unauthenticated").doesNotContain("jvm_memory");
		assertThat(metrics(adminToken()).statusCode()).isEqualTo(403);
		var directory = new TestDirectory(jdbc);
		String scraper = directory.user(directory.orgUnit(directory.party("MANAGEMENT", "数据局"), null, "运维科"),
				directory.role("METRICS_READ"));
		var scraped = metrics(org.yunwei.support.Accounts.tokenFor(api(), scraper, TestDirectory.PASSWORD, null));
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void forwardedHeadersFromAnAddressThatIsNotATrustedProxyChangeNothing() throws Exception {
		// by default no proxy is trusted: a client on 127.0.0.1 claiming TLS gets neither HSTS nor a Secure cookie
		var response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
					.header("X-Forwarded-Proto", "https")
					.header("X-Forwarded-For", "203.0.113.7")
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("YUNWEI_SESSION="))
			.noneMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("secure"));
	}

	private HttpResponse<String> metrics(String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theOpenApiDocumentDescribesTheApiAndItsBearerTokens() {
		var document = api().get("/v3/api-docs", null);
		assertThat(document.status()).isEqualTo(200);
		var json = document.json();
		assertThat(json.get("openapi").asString()).startsWith("3.");
		assertThat(json.get("paths").has("/api/v1/auth/tokens")).isTrue();
		assertThat(json.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(api().send("GET", "/swagger-ui/index.html", null, null).status()).isEqualTo(200);
	}

	@Test
	void pagesShowAFriendlyErrorWithoutAStackTrace() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("CUSTOMER", "市卫健委"), null, "办公室"));
		var session = new WebSession(port);
		session.signIn(user, TestDirectory.PASSWORD, null);
		var missing = session.get("/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("页面不存在").doesNotContain("Exception");
		var english = session.get("/no-such-page?lang=en");
		assertThat(english.body()).contains("Page not found");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.core.env.Environment environment;

	@Test
	void idleSessionsEndAfterThirtyMinutesByDefault() {
		assertThat(environment.getProperty("server.servlet.session.timeout", java.time.Duration.class))
			.isEqualTo(java.time.Duration.ofMinutes(30));
	}
}
