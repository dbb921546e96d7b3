package org.yunwei.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The reliability suite's drill (issue 22, point 5): Yunwei as a child JVM on a data directory of its own, clients
 * creating tickets through the API without pause, and the faults a deployment meets — the JVM killed (SIGKILL), the
 * embedded PostgreSQL killed, the database unreachable for a while — followed by what must hold afterwards: no
 * acknowledged write lost, none duplicated, no ticket nobody was told about, ticket numbers without gaps, every SLA
 * event once, the audit chain intact. Figures go into a {@link Report} as they are known.
 * <p>
 * A write is <em>acknowledged</em> when it was answered 201; <em>uncertain</em> when no answer came (the process died
 * while it ran: it may or may not have committed); <em>refused</em> when answered otherwise (a 503 during an outage must
 * have changed nothing, as must a request that found nobody listening). Each ticket's subject is unique, which is how the database is compared with the answers.
 */
final class CrashDrill implements AutoCloseable {

	static final String ADMIN_PASSWORD = "Drill!Adm1n-pw";
	static final String ADMIN_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	static final int RESPONSE_SECONDS = 20;

	private final Path work;
	private final Report report;
	private final int port = ChildJvm.freePort();
	/** The embedded postmaster's port, fixed so that connections made before a restart work after it. */
	private final int postgresPort = ChildJvm.freePort();
	private final String run = TestDirectory.unique("drill");
	/** The external PostgreSQL, for the outage scenario; null in embedded mode. */
	private final ExternalPostgres external;
	private ChildJvm yunwei;
	private int starts;

	private TicketFixtures world;
	private String customerToken;
	private final Api api;

	private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
	private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
	private final Set<String> refused = ConcurrentHashMap.newKeySet();
	private final AtomicLong attempts = new AtomicLong();
	private final AtomicLong unreached = new AtomicLong();
	private final Object ackMonitor = new Object();
	/** Each acknowledged write's sending and answering instants (System.nanoTime), guarded by ackMonitor. */
	private final List<long[]> ackTimes = new ArrayList<>();
	private ExecutorService writers;
	private final AtomicBoolean writing = new AtomicBoolean();

	private CrashDrill(Path work, Report report, ExternalPostgres external) {
		this.work = work;
		this.report = report;
		this.external = external;
		this.api = new Api(port);
	}

	/** A drill on the embedded PostgreSQL under {@code work/data}. */
	static CrashDrill embedded(Path work, Report report) {
		return new CrashDrill(work, report, null);
	}

	/** A drill on an external PostgreSQL this JVM starts on a fixed port, so that it can stop and start it again. */
	static CrashDrill external(Path work, Report report) {
		return new CrashDrill(work, report, new ExternalPostgres(work.resolve("external-postgres")));
	}

	Path dataDirectory() {
		return work.resolve("data").resolve("postgres");
	}

	/** Starts Yunwei and prepares a customer unit, a service with an SLA and groups, through its API and database. */
	void start() throws InterruptedException {
		startYunwei();
		world = new TicketFixtures(jdbc(), new ApiClient(port));
		// P1 responses due in 20 s: warnings at 50, 75 and 90 % and the breach fire during the drill, across its faults
		jdbc().sql("update sla_target set response_seconds = ? where agreement_id = ? and priority = 'P1'")
			.params(RESPONSE_SECONDS, world.agreement)
			.update();
		customerToken = world.token(world.bureauUser);
	}

	private void startYunwei() throws InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--yunwei.admin.password=" + ADMIN_PASSWORD, "--yunwei.admin.totp-secret=" + ADMIN_TOTP,
				"--spring.jmx.enabled=false", "--yunwei.backup.schedule=-", "--logging.level.root=WARN"));
		if (external != null) {
			arguments.add("--yunwei.db.url=" + external.url());
			arguments.add("--yunwei.db.user=postgres");
		}
		else {
			arguments.add("--yunwei.db.url=");
			arguments.add("--yunwei.db.embedded.data-directory=" + dataDirectory());
			arguments.add("--yunwei.db.embedded.port=" + postgresPort);
		}
		starts++;
		yunwei = ChildJvm.start("yunwei", List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), arguments,
				work.resolve("logs").resolve("yunwei-" + starts + ".log"),
				line -> line.contains(" ERROR ") || line.contains("Exception in"));
		yunwei.awaitHealthy(java.net.URI.create(api.base() + "/actuator/health"), Duration.ofMinutes(5));
	}

	/** The database Yunwei uses. */
	JdbcClient jdbc() {
		PGSimpleDataSource source = new PGSimpleDataSource();
		if (external != null) {
			source.setUrl(external.url());
			source.setUser("postgres");
		}
		else {
			source.setServerNames(new String[] { "localhost" });
			source.setPortNumbers(new int[] { postgresPort });
			source.setDatabaseName("postgres");
			source.setUser("postgres");
		}
		return JdbcClient.create(source);
	}

	private <T> T postmasterLine(int line, java.util.function.Function<String, T> parse) {
		try {
			return parse.apply(Files.readAllLines(dataDirectory().resolve("postmaster.pid")).get(line).trim());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ---- writers

	void startWriters(int clients) {
		writing.set(true);
		writers = Executors.newVirtualThreadPerTaskExecutor();
		for (int c = 0; c < clients; c++) {
			int client = c;
			writers.submit(() -> {
				for (int n = 0; writing.get(); n++) {
					write(run + "-" + client + "-" + n);
				}
			});
		}
	}

	private void write(String subject) {
		attempts.incrementAndGet();
		long sent = System.nanoTime();
		Api.Answer answer = api.post("/api/v1/tickets", customerToken, world.ticket(subject));
		if (answer.status() == 201) {
			acknowledged.put(subject, answer.json().get("ticket").get("id").asLong());
			synchronized (ackMonitor) {
				ackTimes.add(new long[] { sent, System.nanoTime() });
				ackMonitor.notifyAll();
			}
		}
		else if (answer.status() == 0 && answer.body().contains("ConnectException")) {
			// nobody listened: this one cannot have been written
			unreached.incrementAndGet();
			refused.add(subject);
			pause();
		}
		else if (answer.status() == 0 || answer.status() == 500) {
			uncertain.add(subject);
			pause();
		}
		else {
			refused.add(subject);
			pause();
		}
	}

	/** A client that was refused waits a moment before trying again, as a script would. */
	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void stopWriters() throws InterruptedException {
		writing.set(false);
		writers.shutdown();
		if (!writers.awaitTermination(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("writers did not stop");
		}
	}

	int acknowledgedCount() {
		return acknowledged.size();
	}

	/** Waits until {@code count} more writes have been acknowledged. */
	void awaitAcknowledged(int count, Duration atMost) throws InterruptedException {
		int target = acknowledged.size() + count;
		long deadline = System.nanoTime() + atMost.toNanos();
		synchronized (ackMonitor) {
			while (acknowledged.size() < target) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("fewer than " + count + " writes acknowledged within " + atMost
							+ "; see " + yunwei.log());
				}
				TimeUnit.NANOSECONDS.timedWait(ackMonitor, left);
			}
		}
	}

	/**
	 * Seconds from {@code since} (System.nanoTime) to the first acknowledgement of a write sent after it: a write sent
	 * before a fault and answered after it says nothing about recovery.
	 */
	private double secondsToFirstAckAfter(long since, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		synchronized (ackMonitor) {
			while (true) {
				long first = ackTimes.stream().filter(t -> t[0] > since).mapToLong(t -> t[1]).min().orElse(-1);
				if (first >= 0) {
					return (first - since) / 1e9;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return Double.NaN;
				}
				TimeUnit.NANOSECONDS.timedWait(ackMonitor, left);
			}
		}
	}

	// ---- faults

	/** Kills the JVM with SIGKILL under load, starts it again on the same data; answers seconds to serving again. */
	double killJvm() throws InterruptedException {
		long killed = System.nanoTime();
		yunwei.kill();
		startYunwei();
		return secondsToFirstAckAfter(killed, Duration.ofMinutes(2));
	}

	/**
	 * Kills the embedded postmaster with SIGKILL under load (its children end with it); Yunwei must notice and start
	 * it again by itself. Answers seconds to the first write acknowledged afterwards (NaN: never, within 2 minutes).
	 */
	double killPostgres() throws InterruptedException {
		long pid = postmasterLine(0, Long::parseLong);
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		long killed = System.nanoTime();
		postmaster.destroyForcibly();
		postmaster.onExit().join();
		return secondsToFirstAckAfter(killed, Duration.ofMinutes(2));
	}

	/** What clients saw while the database was down. */
	record Outage(int probes, int answered503, int withRetryAfter, int other, double slowestSeconds,
			double backWithinSeconds) {
	}

	/**
	 * Stops the external PostgreSQL for {@code down} while a probe reads the ticket list every 200 ms, then starts it
	 * again and measures how long until a write is acknowledged.
	 */
	Outage databaseDown(Duration down) throws InterruptedException {
		if (external == null) {
			throw new IllegalStateException("the outage scenario needs the external database");
		}
		external.stop();
		long stopped = System.nanoTime();
		int probes = 0;
		int unavailable = 0;
		int retryAfter = 0;
		int other = 0;
		double slowest = 0;
		var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() - stopped < down.toNanos()) {
			long sent = System.nanoTime();
			try {
				var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
						+ "/api/v1/tickets?limit=1")).header("Authorization", "Bearer " + customerToken)
					.timeout(Duration.ofSeconds(30)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				probes++;
				if (response.statusCode() == 503) {
					unavailable++;
					if (response.headers().firstValue("Retry-After").isPresent()) {
						retryAfter++;
					}
				}
				else {
					other++;
				}
			}
			catch (IOException e) {
				probes++;
				other++;
			}
			slowest = Math.max(slowest, (System.nanoTime() - sent) / 1e9);
			TimeUnit.MILLISECONDS.sleep(200);
		}
		external.start();
		long back = System.nanoTime();
		return new Outage(probes, unavailable, retryAfter, other, slowest,
				secondsToFirstAckAfter(back, Duration.ofMinutes(2)));
	}

	// ---- checks

	/** What the database holds compared with what clients were told. */
	record Verdict(int acknowledged, int uncertain, int refused, int lost, int duplicated, int unannounced,
			int numberGaps, int ticketsWithoutTheirClocks, int duplicatedSlaEvents, long breachesNotFired,
			long breachesFired, long pendingPublications,
			boolean auditChainIntact, long auditRecordsChecked) {

		boolean holds() {
			return lost == 0 && duplicated == 0 && unannounced == 0 && numberGaps == 0
					&& ticketsWithoutTheirClocks == 0 && duplicatedSlaEvents == 0 && breachesNotFired == 0
					&& pendingPublications == 0
					&& auditChainIntact;
		}
	}

	/**
	 * Compares the database with the answers (writers stopped). Waits up to a minute for the event publications left
	 * by a kill to be delivered again.
	 */
	Verdict verify() throws InterruptedException {
		JdbcClient jdbc = jdbc();
		Map<String, Long> stored = new LinkedHashMap<>();
		List<String> duplicated = new ArrayList<>();
		jdbc.sql("select subject, count(*) from ticket where subject like ? group by subject")
			.param(run + "-%")
			.query((rs, n) -> {
				stored.put(rs.getString(1), rs.getLong(2));
				if (rs.getLong(2) > 1) {
					duplicated.add(rs.getString(1));
				}
				return null;
			})
			.list();
		int lost = (int) acknowledged.keySet().stream().filter(s -> !stored.containsKey(s)).count();
		int unannounced = (int) stored.keySet().stream()
			.filter(s -> !acknowledged.containsKey(s) && !uncertain.contains(s))
			.count();
		int gaps = jdbc.sql("""
				select count(*) from ticket_number_counter c
				where c.last <> (select count(distinct t.number) from ticket t
				                 where t.number like c.prefix || '-' || to_char(c.day, 'YYYYMMDD') || '-%')""")
			.query(Integer.class).single();
		int withoutClocks = jdbc.sql("""
				select count(*) from ticket t
				where t.subject like ? and (select count(*) from sla_clock c
				                            where c.subject_type = 'ticket' and c.subject_id = t.id::text) <> 2""")
			.param(run + "-%").query(Integer.class).single();
		int duplicatedEvents = jdbc.sql("""
				select count(*) from (
				    select e.clock_id from sla_clock_event e
				    where e.type in ('STARTED', 'THRESHOLD_REACHED', 'BREACHED')
				    group by e.clock_id, e.type, e.details having count(*) > 1) twice""")
			.query(Integer.class).single();
		long notFired = breachesNotFired(jdbc);
		long fired = jdbc.sql("""
				select count(*) from sla_clock_event e join sla_clock c on c.id = e.clock_id
				join ticket t on c.subject_type = 'ticket' and c.subject_id = t.id::text
				where t.subject like ? and e.type = 'BREACHED'""").param(run + "-%").query(Long.class).single();
		long pending = pendingPublications(jdbc);
		Api.Answer chain = api.get("/api/v1/audit/verify", world.administratorToken("AUDIT_ADMIN"));
		boolean intact = chain.status() == 200 && chain.json().get("intact").asBoolean();
		long checked = chain.status() == 200 ? chain.json().get("checked").asLong() : 0;
		return new Verdict(acknowledged.size(), uncertain.size(), refused.size(), lost, duplicated.size(), unannounced,
				gaps, withoutClocks, duplicatedEvents, notFired, fired, pending, intact, checked);
	}

	/**
	 * Response clocks of the drill's tickets whose due time passed more than 10 s ago (the scheduler ticks every
	 * second) without a breach recorded, once the scheduler has had a minute to catch up after the last fault.
	 */
	private long breachesNotFired(JdbcClient jdbc) {
		java.util.function.Supplier<Long> unfired = () -> jdbc.sql("""
				select count(*) from sla_clock c join ticket t on c.subject_type = 'ticket' and c.subject_id = t.id::text
				where t.subject like ? and c.kind = 'RESPONSE' and c.state = 'RUNNING'
				  and c.due_at < now() - interval '10 seconds'
				  and not exists (select 1 from sla_clock_event e where e.clock_id = c.id and e.type = 'BREACHED')""")
			.param(run + "-%")
			.query(Long.class)
			.single();
		try {
			org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> unfired.get() == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException stillUnfired) {
			// reported as a figure
		}
		return unfired.get();
	}

	private static final Duration PUBLICATIONS_SETTLE = Duration.ofMinutes(4);

	private static long pendingPublications(JdbcClient jdbc) {
		java.util.function.Supplier<Long> pending = () -> jdbc
			.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
		try {
			// a listener the fault interrupted is delivered again by EventRedelivery once its publication is older
			// than yunwei.events.redeliver-after (2 min), at its next look (every minute): up to three minutes after
			// the fault, plus the delivery itself
			org.awaitility.Awaitility.await().atMost(PUBLICATIONS_SETTLE).until(() -> pending.get() == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException stillPending) {
			// reported as a figure
		}
		return pending.get();
	}

	// ---- restore drill

	/** What the restore drill found. */
	record RestoreDrill(double backupSeconds, long backupRows, double restoreSeconds, int acknowledgedBefore,
			int restoredTickets, int missingFromRestore, int unannouncedInRestore, int restoreExit) {

		boolean holds() {
			return missingFromRestore == 0 && unannouncedInRestore == 0 && restoreExit == 0;
		}
	}

	/** A backup taken by the {@code backup} command while the writers write. */
	record TakenBackup(Path directory, Set<String> acknowledgedBefore, double seconds) {
	}

	TakenBackup backupNow() throws InterruptedException {
		Set<String> before = Set.copyOf(acknowledged.keySet());
		Path directory = work.resolve("backup-" + System.currentTimeMillis());
		long started = System.nanoTime();
		List<String> arguments = new ArrayList<>(List.of("backup", "--to=" + directory));
		arguments.addAll(databaseArguments(dataDirectory()));
		int exit = ChildJvm.start("backup", List.of("-Xmx256m"), arguments, work.resolve("logs").resolve("backup.log"),
				line -> line.startsWith("Backup") || line.contains("refused") || line.contains("failed"))
			.waitFor(Duration.ofMinutes(10));
		if (exit != 0) {
			throw new IllegalStateException("backup exited with " + exit + "; see " + work.resolve("logs"));
		}
		return new TakenBackup(directory, before, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * Stops Yunwei, restores the backup with the {@code restore} command into a new data directory (which verifies the
	 * audit chain and starts the application on it) and compares the restored tickets with the answers.
	 */
	RestoreDrill restore(TakenBackup backup) throws InterruptedException {
		yunwei.close();
		Path restored = work.resolve("restored").resolve("postgres");
		long started = System.nanoTime();
		List<String> arguments = new ArrayList<>(List.of("restore", "--from=" + backup.directory()));
		arguments.add("--yunwei.db.url=");
		arguments.add("--yunwei.db.embedded.data-directory=" + restored);
		arguments.add("--yunwei.admin.password=" + ADMIN_PASSWORD);
		int exit = ChildJvm.start("restore", List.of("-Xmx512m"), arguments,
				work.resolve("logs").resolve("restore.log"),
				line -> line.startsWith("Restor") || line.startsWith("Audit chain") || line.contains("refused")
						|| line.contains("failed") || line.contains("broken"))
			.waitFor(Duration.ofMinutes(15));
		double seconds = (System.nanoTime() - started) / 1e9;
		long rows = org.yunwei.database.internal.backup.BackupManifest.readFrom(backup.directory()).rows();
		try (var server = org.yunwei.database.internal.EmbeddedPostgresServer.start(restored, 0)) {
			PGSimpleDataSource source = new PGSimpleDataSource();
			source.setUrl(server.jdbcUrl("postgres"));
			List<String> subjects = JdbcClient.create(source)
				.sql("select subject from ticket where subject like ?")
				.param(run + "-%")
				.query(String.class)
				.list();
			int missing = (int) backup.acknowledgedBefore().stream().filter(s -> !subjects.contains(s)).count();
			int unannounced = (int) subjects.stream()
				.filter(s -> !acknowledged.containsKey(s) && !uncertain.contains(s))
				.count();
			return new RestoreDrill(backup.seconds(), rows, seconds, backup.acknowledgedBefore().size(),
					subjects.size(), missing, unannounced, exit);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> databaseArguments(Path data) {
		if (external != null) {
			return List.of("--yunwei.db.url=" + external.url(), "--yunwei.db.user=postgres");
		}
		return List.of("--yunwei.db.url=", "--yunwei.db.embedded.data-directory=" + data);
	}

	@Override
	public void close() {
		writing.set(false);
		if (writers != null) {
			writers.shutdownNow();
		}
		if (yunwei != null) {
			yunwei.close();
		}
		if (external != null) {
			external.stop();
		}
	}

	/** A PostgreSQL server of this JVM on a fixed port and directory, which can be stopped and started again. */
	static final class ExternalPostgres {

		private final Path directory;
		private final int port = ChildJvm.freePort();
	/** The embedded postmaster's port, fixed so that connections made before a restart work after it. */
	private final int postgresPort = ChildJvm.freePort();
		private EmbeddedPostgres postgres;

		ExternalPostgres(Path directory) {
			this.directory = directory;
			start();
		}

		String url() {
			return "jdbc:postgresql://localhost:" + port + "/postgres";
		}

		void start() {
			try {
				Files.createDirectories(directory);
				postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
					.setPort(port).setServerConfig("max_connections", "200").start();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		void stop() {
			if (postgres == null) {
				return;
			}
			try {
				postgres.close();
				postgres = null;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/** Figures printed as they are known, then as a table and one {@code BENCH} line. */
	static final class Report {

		private final Map<String, Object> figures = new LinkedHashMap<>();

		void put(String name, Object value) {
			Object rounded = value instanceof Double d ? Figures.round(d) : value;
			figures.put(name, rounded);
			System.out.printf("  %-44s %s%n", name, rounded);
		}

		void print() {
			System.out.println();
			System.out.println("Reliability drill");
			System.out.println("| Figure | Value |");
			System.out.println("| --- | --- |");
			figures.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
			System.out.println("BENCH " + Api.JSON.writeValueAsString(Map.of("benchmark", "reliability", "figures",
					figures)));
		}
	}
}
