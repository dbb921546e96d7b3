package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunwei.YunweiApplication;
import org.yunwei.identity.internal.TestTotp;
import org.yunwei.support.ApiClient;

/**
 * The application as {@code mvn spring-boot:run} starts it: no database configured, so the embedded one under the
 * data directory, and whatever was committed is there after a restart.
 */
class EmbeddedModeRestartTests {

	private static final String PASSWORD = "Rst!Adm1n-pw";
	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@TempDir
	Path data;

	@Test
	void keepsCommittedDataAcrossARestart() {
		String token;
		try (var app = start()) {
			var api = api(app);
			var issued = api.post("/api/v1/auth/tokens", null, java.util.Map.of("username", "admin", "password",
					PASSWORD, "totp", TestTotp.codeAt(SECRET, Instant.now()), "name", "restart", "expiresInDays", 1));
			assertThat(issued.status()).isEqualTo(201);
			token = issued.json().get("token").asString();
		}
		try (var app = start()) {
			var mine = api(app).get("/api/v1/auth/tokens", token);
			assertThat(mine.status()).isEqualTo(200);
			assertThat(mine.json().get(0).get("name").asString()).isEqualTo("restart");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(YunweiApplication.class).run("--server.port=0", "--yunwei.db.url=",
				"--yunwei.db.embedded.data-directory=" + data.resolve("postgres"),
				"--yunwei.admin.password=" + PASSWORD, "--yunwei.admin.totp-secret=" + SECRET,
				"--spring.jmx.enabled=false");
	}

	private static ApiClient api(ConfigurableApplicationContext app) {
		return new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
	}
}
