package org.yunwei.support;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context most tests share: the whole application on a random port against this JVM's
 * PostgreSQL. Keep its configuration here so that every subclass reuses the same cached context.
 * <p>
 * The administrator is provisioned as in an unattended installation: {@link #ADMIN_PASSWORD} and the second factor
 * {@link #ADMIN_TOTP_SECRET}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"yunwei.admin.password=" + IntegrationTestSupport.ADMIN_PASSWORD,
		"yunwei.admin.totp-secret=" + IntegrationTestSupport.ADMIN_TOTP_SECRET,
		"yunwei.security.address-throttle-failures=1000",
		// the field key of the tests (personnel's sealed phone and ID numbers), never a key file in ./data
		"yunwei.field-key=" + IntegrationTestSupport.FIELD_KEY,
		// the JVM's PostgreSQL may stop before this context at exit: give up on connections quickly then
		"yunwei.db.connection-timeout=3s" })
public abstract class IntegrationTestSupport {

	public static final String ADMIN_PASSWORD = "Yw!Adm1n-Test";
	public static final String ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	/** 32 bytes in Base64: the key that seals personal fields in the tests. */
	public static final String FIELD_KEY = "eXVud2VpLXRlc3QtZmllbGQta2V5LTMyLWJ5dGVzISE=";

	private static String adminToken;
	private static String securityAdminToken;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("yunwei.db.url", TestDatabase::url);
		// the knowledge index of this JVM's database, never the working directory's ./data
		registry.add("yunwei.knowledge.index-directory", IntegrationTestSupport::knowledgeIndexDirectory);
	}

	private static String knowledgeIndex;

	/** One directory per JVM, as the database is: the property may be read more than once. */
	private static synchronized String knowledgeIndexDirectory() {
		try {
			if (knowledgeIndex == null) {
				java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("yunwei-knowledge-index");
				directory.toFile().deleteOnExit();
				knowledgeIndex = directory.toString();
			}
			return knowledgeIndex;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private ApiClient keptApi;

	protected ApiClient api() {
		return new ApiClient(port);
	}

	/**
	 * One client for all of a test's requests, keeping its connection open between them as a browser or an API
	 * client does. Benchmarks time their requests through it: each {@link #api()} opens a connection of its own (and
	 * starts an HTTP client's threads), which timed about 10 ms more per request than the server took.
	 */
	protected ApiClient keptApi() {
		if (keptApi == null) {
			keptApi = api();
		}
		return keptApi;
	}

	/**
	 * A token of the system administrator {@code admin}, who signs in once per test JVM with password and TOTP code:
	 * a code is accepted only once, so signing in again within the minute would be refused.
	 */
	protected String adminToken() {
		synchronized (IntegrationTestSupport.class) {
			if (adminToken == null) {
				adminToken = Accounts.tokenFor(api(), "admin", ADMIN_PASSWORD, ADMIN_TOTP_SECRET);
			}
			return adminToken;
		}
	}

	/**
	 * A token of a security administrator, who gives roles (the system administrator does not): one account per test
	 * JVM, signed in once.
	 */
	protected String securityAdminToken() {
		synchronized (IntegrationTestSupport.class) {
			if (securityAdminToken == null) {
				securityAdminToken = officers().signedIn("SECURITY_ADMIN").token();
			}
			return securityAdminToken;
		}
	}

	/** New administrators of the management party, each with a second factor. */
	protected Officers officers() {
		return new Officers(jdbc, api());
	}

	protected static Map<String, Object> map(Object... keysAndValues) {
		var map = new java.util.LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
