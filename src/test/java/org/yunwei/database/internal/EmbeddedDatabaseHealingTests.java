package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.YunweiApplication;
import org.yunwei.identity.internal.TestTotp;
import org.yunwei.support.ApiClient;

/**
 * Yunwei in a context of its own with its own data directory (never the database or the context the other tests
 * share; one context for both tests, started once, to keep CI short):
 * <ol>
 * <li>the embedded PostgreSQL is killed while a writer creates records through the API. While it is down, requests
 * are answered 503 with {@code Retry-After} at once, pages show the "temporarily unavailable" page, readiness is DOWN
 * and liveness UP; the watch restarts it, the API serves again without a restart of Yunwei, every write that was
 * acknowledged (before, during, after) is there, management is notified and the outage audited;</li>
 * <li>then the application is stopped while requests are in flight: the web server takes no new ones at once, lets
 * those under way finish, and they still reach the database, which stops only after them. They are held by
 * {@link HeldRequests}, a controller of this test's application alone, until the stop has begun.</li>
 * </ol>
 * What follows repeated crashes (DOWN, liveness DOWN, no restart loop) is {@link DatabaseWatchTests}'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseHealingTests {

	private static final int IN_FLIGHT = 4;

	private static final String PASSWORD = "Hea!Adm1n-pw";
	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	/** Far longer than an answer from the filter, far shorter than the pool's connection timeout (10 s). */
	private static final Duration FAST = Duration.ofSeconds(3);

	@TempDir
	static Path data;

	private ConfigurableApplicationContext app;
	private int port;
	private String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	void start() {
		app = new SpringApplicationBuilder(YunweiApplication.class, HeldRequests.class).run("--server.port=0",
				"--yunwei.db.url=", "--yunwei.db.embedded.data-directory=" + data.resolve("postgres"),
				"--yunwei.admin.password=" + PASSWORD, "--yunwei.admin.totp-secret=" + SECRET,
				"--yunwei.test.held-requests.enabled=true", "--spring.jmx.enabled=false");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		token = new ApiClient(port).post("/api/v1/auth/tokens", null, Map.of("username", "admin", "password",
				PASSWORD, "totp", TestTotp.codeAt(SECRET, Instant.now()), "name", "healing", "expiresInDays", 1))
			.json()
			.get("token")
			.asString();
	}

	/** PostgreSQL's own log, to read when an assertion fails. */
	@AfterAll
	void stopAndKeepTheServerLog() throws IOException {
		if (app != null) {
			app.close();
		}
		Path log = data.resolve("postgres.log");
		if (Files.exists(log)) {
			Files.copy(log, Path.of("target/embedded-healing-postgres.log"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Test
	@Order(1)
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void restartsTheEmbeddedDatabaseFailsFastMeanwhileAndLosesNoAcknowledgedWrite() throws Exception {
		var api = new ApiClient(port);
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		List<String> refusals = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 5; i++) {
			acknowledged.add(createParty(api, token, "BEFORE-" + i, refusals));
		}
		assertThat(refusals).isEmpty();

		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger written = new AtomicInteger();
		Thread writer = Thread.ofPlatform().start(() -> {
			for (int i = 0; writing.get(); i++) {
				Long id = createParty(api, token, "DURING-" + i, refusals);
				if (id != null) {
					acknowledged.add(id);
					written.incrementAndGet();
				}
			}
		});
		await(() -> written.get() >= 3, Duration.ofSeconds(30), "the writer to be under way");

		long pid = postmasterPid();
		Outage outage;
		// the probes are read beside the API throughout: an outage of a second may end before a request that was
		// already waiting when it began is answered, so asking them only after a refusal can miss it
		try (Probes probes = new Probes(port)) {
			ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL, as the OOM killer would
			// while it is down: observed until it serves again
			outage = observeOutage(port, token);
			probes.close();
			assertThat(probes.readiness).as("readiness during the outage").contains(503);
			assertThat(probes.liveness).as("liveness during the outage").containsOnly(200);
		}
		assertThat(outage.apiAnswers()).as("API answers while the database was down").isNotEmpty();
		assertThat(outage.apiAnswers()).allSatisfy(answer -> {
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Retry-After")).contains("5");
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.body()).contains("urn:yunwei:problem:unavailable", "\"status\":503");
		});
		assertThat(outage.slowest()).as("the slowest 503 answer").isLessThan(FAST);
		assertThat(outage.page()).isNotNull();
		assertThat(outage.page().statusCode()).isEqualTo(503);
		assertThat(outage.page().body()).contains("暂时无法服务").doesNotContain("Exception", "at org.");

		// serves again, on a new postmaster, without a restart of Yunwei
		assertThat(postmasterPid()).isNotEqualTo(pid);
		await(() -> get(port, "/actuator/health/readiness", null).statusCode() == 200, Duration.ofSeconds(30),
				"readiness to be UP again");
		for (int i = 0; i < 3; i++) {
			acknowledged.add(createParty(api, token, "AFTER-" + i, refusals));
		}
		writing.set(false);
		writer.join();

		// only 503s were refused, never a 500; and every acknowledged write is there, once
		assertThat(refusals).allSatisfy(refusal -> assertThat(refusal).startsWith("503"));
		assertThat(acknowledged).doesNotContainNull();
		JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
		List<Long> stored = jdbc.sql("select id from party where code like 'HEAL-%'").query(Long.class).list();
		assertThat(stored).containsAll(acknowledged);

		// told and audited once the database is back (an asynchronous listener)
		await(() -> jdbc.sql("select count(*) from audit_record where action = 'DATABASE_RECOVERED'")
			.query(Integer.class)
			.single() == 1, Duration.ofSeconds(30), "the outage to be audited");
		assertThat(jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				where u.username = 'admin' and n.topic = 'system.database-recovered'""")
			.query(Integer.class)
			.single()).isEqualTo(1);
		String detail = jdbc.sql("select after_value::text from audit_record where action = 'DATABASE_RECOVERED'")
			.query(String.class)
			.single();
		assertThat(detail).contains("\"embedded\": true", "\"restarts\": 1", "outageMillis");
	}

	private record Outage(List<HttpResponse<String>> apiAnswers, Duration slowest, HttpResponse<String> page) {
	}

	/** Reads readiness and liveness every 25 ms until closed, keeping every answer they gave. */
	private final class Probes implements AutoCloseable {

		final Set<Integer> readiness = ConcurrentHashMap.newKeySet();
		final Set<Integer> liveness = ConcurrentHashMap.newKeySet();
		private final AtomicBoolean running = new AtomicBoolean(true);
		private final Thread thread;

		Probes(int port) {
			thread = Thread.ofPlatform().daemon().start(() -> {
				while (running.get()) {
					readiness.add(get(port, "/actuator/health/readiness", null).statusCode());
					liveness.add(get(port, "/actuator/health/liveness", null).statusCode());
					java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
				}
			});
		}

		@Override
		public void close() throws InterruptedException {
			running.set(false);
			thread.join();
		}
	}

	/**
	 * Asks every 50 ms, each request on its own, until the API serves again, and keeps what came back while it did
	 * not. A request that reached a connection before the outage was noticed may wait through a short outage and
	 * succeed; the requests asked after it must not wait. The API serves again when a request asked after the first
	 * refusal is answered.
	 */
	private Outage observeOutage(int port, String token) throws Exception {
		List<HttpResponse<String>> refused = new CopyOnWriteArrayList<>();
		AtomicReference<Duration> slowest = new AtomicReference<>(Duration.ZERO);
		AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
		AtomicReference<Instant> firstRefused = new AtomicReference<>();
		AtomicBoolean servesAgain = new AtomicBoolean();
		Instant deadline = Instant.now().plusSeconds(60);
		List<Thread> askers = new ArrayList<>();
		while (!servesAgain.get() && Instant.now().isBefore(deadline)) {
			askers.add(Thread.ofPlatform().start(() -> {
				Instant asked = Instant.now();
				HttpResponse<String> answer = get(port, "/api/v1/parties", token);
				Instant answered = Instant.now();
				if (answer.statusCode() == 200) {
					Instant since = firstRefused.get();
					if (since != null && asked.isAfter(since)) {
						servesAgain.set(true);
					}
					return; // not noticed yet, or asked before it was
				}
				firstRefused.accumulateAndGet(answered, (x, y) -> x == null || y.isBefore(x) ? y : x);
				refused.add(answer);
				slowest.accumulateAndGet(Duration.between(asked, answered), (x, y) -> x.compareTo(y) >= 0 ? x : y);
				if (page.get() == null) {
					HttpResponse<String> shown = get(port, "/", null);
					if (shown.statusCode() == 503) {
						page.compareAndSet(null, shown);
					}
				}
			}));
			Thread.sleep(50); // the pace of the asking, not a wait for a result
		}
		for (Thread asker : askers) {
			asker.join();
		}
		if (!servesAgain.get()) {
			throw new AssertionError("The API did not serve again within a minute; answers: " + refused.size());
		}
		return new Outage(refused, slowest.get(), page.get());
	}

	private Long createParty(ApiClient api, String token, String suffix, List<String> refusals) {
		String code = "HEAL-" + suffix;
		try {
			var created = api.post("/api/v1/parties", token, Map.of("kind", "CUSTOMER", "code", code, "name",
					"愈合测试" + suffix));
			if (created.status() == 201) {
				return created.json().get("id").asLong();
			}
			refusals.add(created.status() + " " + created.body());
		}
		catch (RuntimeException e) {
			refusals.add("no answer: " + e);
		}
		return null;
	}

	private HttpResponse<String> get(int port, String path, String token) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", path.startsWith("/api/") || path.startsWith("/actuator/") ? "application/json" : "text/html");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().trim());
	}

	private long postmasterPidOrZero() {
		try {
			return postmasterPid();
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	private static void await(BooleanSupplier condition, Duration within, String what) {
		Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
	}

	@Test
	@Order(2)
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void aStopLetsTheRequestsUnderWayFinishAgainstTheDatabaseAndTakesNoNewOnes() throws Exception {
		HeldRequests held = app.getBean(HeldRequests.class);
		List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
		for (int i = 0; i < IN_FLIGHT; i++) {
			inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/test/held"))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		await(() -> held.entered.get() == IN_FLIGHT, Duration.ofSeconds(30), "the requests to be under way");

		Instant stopAsked = Instant.now();
		ConfigurableApplicationContext stopping = app;
		app = null;
		CompletableFuture<Void> stop = CompletableFuture.runAsync(stopping::close);
		// no new request is taken: the server socket is closed at once
		await(this::refused, Duration.ofSeconds(30), "new connections to be refused");
		assertThat(inFlight).noneMatch(CompletableFuture::isDone);
		assertThat(stop).isNotDone();

		held.release.countDown();
		for (var answer : inFlight) {
			var response = answer.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			// the database still answered them: it stops after the web server has drained
			assertThat(response.body()).matches("\\d+");
		}
		stop.get(60, TimeUnit.SECONDS);
		System.out.printf("STOP graceful stop with %d requests in flight: %d ms from the stop to its end%n", IN_FLIGHT,
				Duration.between(stopAsked, Instant.now()).toMillis());
		assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
	}

	private boolean refused() {
		try {
			http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return false;
		}
		catch (IOException e) {
			return e instanceof ConnectException || e.getCause() instanceof ConnectException;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Requests that wait, once under way, until the test lets them go, then read from the database. In this test's
	 * application only.
	 */
	@RestController
	@ConditionalOnProperty("yunwei.test.held-requests.enabled")
	static class HeldRequests {

		final AtomicInteger entered = new AtomicInteger();
		final CountDownLatch release = new CountDownLatch(1);
		private final JdbcClient jdbc;

		HeldRequests(DataSource dataSource) {
			this.jdbc = JdbcClient.create(dataSource);
		}

		@GetMapping("/api/v1/test/held")
		String held() throws InterruptedException {
			entered.incrementAndGet();
			if (!release.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			return Long.toString(jdbc.sql("select count(*) from party").query(Long.class).single());
		}
	}
}
