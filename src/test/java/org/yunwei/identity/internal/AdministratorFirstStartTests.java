package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.yunwei.YunweiApplication;
import org.yunwei.support.ApiClient;
import org.yunwei.support.WebSession;

/**
 * A first start with nothing preset: the administrator gets a random password, printed once, that must be changed,
 * and then enrols a second factor before anything else.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorFirstStartTests {

	@TempDir
	Path data;

	@Test
	void printsAOneTimePasswordThatMustBeChangedThenRequiresASecondFactor(CapturedOutput output) {
		try (var app = new SpringApplicationBuilder(YunweiApplication.class).run("--server.port=0", "--yunwei.db.url=",
				"--yunwei.db.embedded.data-directory=" + data.resolve("postgres"), "--yunwei.admin.password=",
				"--yunwei.admin.totp-secret=", "--spring.jmx.enabled=false")) {
			var matcher = Pattern.compile("one-time password\\s+(\\S+)").matcher(output.getOut());
			assertThat(matcher.find()).as("the password is printed").isTrue();
			String password = matcher.group(1);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();

			var tokenRequest = new ApiClient(port).post("/api/v1/auth/tokens", null,
					Map.of("username", "admin", "password", password, "name", "x", "expiresInDays", 1));
			assertThat(tokenRequest.status()).isEqualTo(403);
			assertThat(tokenRequest.json().get("detail").asString()).contains("修改");

			var session = new WebSession(port);
			assertThat(session.signIn("admin", password, null).location()).doesNotContain("error");
			assertThat(session.get("/").location()).endsWith("/account/password");
			session.get("/account/password");
			session.post("/account/password",
					Map.of("currentPassword", password, "newPassword", "F1rst!Change", "confirmation", "F1rst!Change"));
			assertThat(session.get("/").location()).endsWith("/account/totp");
			var enrolment = session.get("/account/totp");
			assertThat(enrolment.body()).contains("id=\"totp-required\"");
			String secret = enrolment.body().replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7]+)<.*", "$1");
			session.post("/account/totp", Map.of("code", TestTotp.codeAt(secret, Instant.now())));
			assertThat(session.get("/").status()).isEqualTo(200);

			// the password appears in the log once, and nowhere else
			assertThat(output.getOut().split(Pattern.quote(password), -1)).hasSize(2);
		}
	}
}
