package org.yunwei.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The city benchmark (issue 5): Yunwei as it is deployed — its own JVM with {@code -Xmx1g} — against a database
 * holding a generated city of {@code bench.tickets} tickets, measured through its REST API. Each figure is printed
 * beside a raw PostgreSQL figure of the same run, as a table and one {@code BENCH {json}} line. Asserts no timing.
 * <p>
 * Steps: a database (an embedded PostgreSQL whose data directory is kept under {@code target/bench-city}, so that a
 * second run reuses the generated city, or {@code YUNWEI_BENCH_DB_URL}); the generator as a child JVM (it does
 * nothing when the city is already there); Yunwei as a child JVM; creations at 1, 8 and 32 clients; the agent queue,
 * a ticket's detail and the statistics dashboard one request at a time; a mixed load of agents and customers; the
 * SLA scheduler's ticks and the heap, read from Yunwei's Prometheus endpoint. Properties and figures:
 * {@code bench/README.md}.
 */
@Tag("benchmark")
class CityBenchmark {

	private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
	private static final Path DIRECTORY = Path.of(System.getProperty("bench.dir", "target/bench-city"))
		.toAbsolutePath();
	private static final String HEAP = System.getProperty("bench.heap", "1g");
	private static final Duration CREATION_WARM_UP = duration("bench.creation.warmup", "PT5S");
	private static final Duration CREATION_WINDOW = duration("bench.creation.window", "PT10S");
	private static final int READ_SAMPLES = Integer.getInteger("bench.reads.samples", 200);
	/** Samples of a raw {@code ilike} over the finished tickets: about 1.5 s each on the city, read to the end. */
	private static final int RAW_SCAN_SAMPLES = 40;
	private static final int DASHBOARD_SAMPLES = Integer.getInteger("bench.dashboard.samples", 30);
	private static final int MIXED_USERS = Integer.getInteger("bench.mixed.users", 500);
	private static final Duration MIXED_DURATION = duration("bench.mixed.duration", "PT10M");
	private static final int[] CLIENTS = { 1, 8, 32 };
	private static final java.util.regex.Pattern LOG_LINE = java.util.regex.Pattern.compile(
			"\\d{4}-\\d\\d-\\d\\dT");

	/**
	 * The administrator's first password, given so that the children do not print a generated one (the runner never
	 * signs in as the administrator).
	 */
	private static final String ADMIN_PASSWORD = "Bench!" + Long.toHexString(new java.security.SecureRandom()
		.nextLong()) + "Zq9";

	private final Figures figures = new Figures();
	private final List<ChildJvm> children = new ArrayList<>();

	@Test
	void city() throws Exception {
		long runStart = System.nanoTime();
		Database database = database();
		try {
			machine("Start");
			Path accounts = DIRECTORY.resolve("accounts-" + TICKETS + ".json");
			generate(database, accounts);
			ChildJvm app = startYunwei(database);
			Api api = new Api(database.appPort);
			City city = City.read(accounts);
			try (RawPostgres raw = new RawPostgres(database.url, database.user, database.password)) {
				measure(api, city, raw, app);
			}
			figures.put("runMinutes", (System.nanoTime() - runStart) / 6e10);
			figures.print("City benchmark: " + figures.get("ticketsAtStart") + " tickets, " + Runtime.getRuntime()
				.availableProcessors() + " CPUs, Yunwei -Xmx" + HEAP);
		}
		finally {
			children.reversed().forEach(ChildJvm::close);
		}
	}

	private void measure(Api api, City city, RawPostgres raw, ChildJvm app) throws Exception {
		figures.put("ticketsAtStart", raw.tickets());
		figures.put("agents", city.agents().size());
		figures.put("customers", city.customers().size());
		// a start builds or catches up the search indexes in the background: measured once they are complete
		Duration indexWait = new ReadLatencies(api, city).awaitSearchIndexes(duration("bench.index.patience", "PT20M"));
		figures.put("searchIndexesWaitSeconds", indexWait.toSeconds());
		figures.row("Search indexes complete after the start (built or caught up in the background)",
				indexWait.toSeconds() + " s waited", "", "");
		Prometheus before = Prometheus.read(api);
		CreationLoad creations = new CreationLoad(api, city);
		creations(creations, raw);
		machine("AfterCreations");
		reads(new ReadLatencies(api, city), city, raw);
		Prometheus after = Prometheus.read(api);
		slowestParts(after, "yunwei_compliance_evidence_seconds", "source", "compliance.source", "evidence source");
		slowestParts(after, "yunwei_search_source_seconds", "kind", "search.source", "global search source");
		mixed(new MixedLoad(api, city, creations), city, raw);
		machine("AfterMixed");
		slaTicks(before, Prometheus.read(api));
		heap(api, app);
		loggedProblems(app);
	}

	private void creations(CreationLoad creations, RawPostgres raw) throws Exception {
		double singleRow = raw.singleRowInsertTransactionsPerSecond(Duration.ofSeconds(3));
		double oneTx = raw.oneTransactionRowsPerSecond(10_000);
		figures.put("pgSingleRowInsertTxPerSecond", Math.round(singleRow));
		figures.put("pgOneTxRowsPerSecond", Math.round(oneTx));
		for (int clients : CLIENTS) {
			CreationLoad.Result result = creations.run(clients, CREATION_WARM_UP, CREATION_WINDOW);
			Latencies l = result.latencies();
			String key = "create" + clients + "Clients";
			figures.put(key + "PerSecond", result.perSecond());
			figures.put(key + "P50Ms", l.percentile(50));
			figures.put(key + "P95Ms", l.percentile(95));
			figures.put(key + "P99Ms", l.percentile(99));
			figures.put(key + "Errors", l.errors());
			figures.row("Ticket creations, " + clients + " client" + (clients == 1 ? "" : "s") + " (REST)",
					String.format("%s (p50 %s, p95 %s, p99 %s; %d errors)", Figures.perSecond(result.perSecond()),
							Figures.ms(l.percentile(50)), Figures.ms(l.percentile(95)), Figures.ms(l.percentile(99)),
							l.errors()),
					String.format("%s single-row insert tx; %s rows in one tx", Figures.perSecond(singleRow),
							Figures.perSecond(oneTx)),
					clients == 32 ? "≥ 1,000/s, p99 ≤ 50 ms" : "");
		}
	}

	private void reads(ReadLatencies reads, City city, RawPostgres raw) throws Exception {
		List<ReadLatencies.Seen> seen = new ArrayList<>();
		Latencies queue = reads.queue(READ_SAMPLES, seen);
		List<Long> groups = city.agents().stream().flatMap(a -> a.groupIds().stream()).distinct().toList();
		latencyRow("Agent queue, first page (group, open, by SLA due)", "queue", queue,
				raw.openByDue(groups, READ_SAMPLES), "the same rows by SQL", "p99 ≤ 50 ms");
		Latencies detail = reads.detail(READ_SAMPLES, seen);
		List<Long> ids = seen.stream().map(ReadLatencies.Seen::ticketId).distinct().limit(READ_SAMPLES).toList();
		latencyRow("Ticket detail", "detail", detail, raw.rowById(ids), "the ticket row by id", "");
		latencyRow("Global search (/api/v1/search): words and numbers, agents and customers", "search",
				reads.search(READ_SAMPLES, seen), raw.subjectContains(ReadLatencies.SEARCH_WORDS, READ_SAMPLES),
				"the newest 21 subjects containing the word, by SQL", "p99 ≤ 100 ms");
		figures.put("knowledgeArticles", raw.count("knowledge_article"));
		latencyRow("Knowledge search (/api/v1/knowledge/search, 10 hits with snippets), agents and customers",
				"knowledgeSearch", reads.articles(READ_SAMPLES),
				raw.articlesContaining(ReadLatencies.KNOWLEDGE_WORDS, READ_SAMPLES),
				"10 articles containing the words, by SQL ilike", "p99 ≤ 50 ms");
		latencyRow("Suggestions while a ticket's subject is typed (one request per keystroke), agents",
				"knowledgeSuggestions", reads.suggestions(READ_SAMPLES),
				raw.resolvedContaining(List.of("打印", "打印机", "打印机无法连接"), RAW_SCAN_SAMPLES),
				"10 resolved tickets containing the prefix, by SQL ilike", "p99 ≤ 50 ms");
		latencyRow("日常问题查询库 (/api/v1/knowledge/resolved-tickets, 10 hits with snippets), agents",
				"resolvedTicketSearch", reads.resolvedTickets(READ_SAMPLES),
				raw.resolvedContaining(ReadLatencies.KNOWLEDGE_WORDS, RAW_SCAN_SAMPLES),
				"10 resolved tickets containing the words, by SQL ilike", "p99 ≤ 100 ms");
		latencyRow("Statistics dashboard, 30 days, manager (one /report request)", "dashboard",
				reads.report(DASHBOARD_SAMPLES), raw.countLastMonth(DASHBOARD_SAMPLES), "count(*) of the 30 days",
				"p99 ≤ 150 ms warm");
		latencyRow("Assessment evidence register, 30 days, manager (/api/v1/compliance/items)", "compliance",
				reads.compliance(DASHBOARD_SAMPLES), raw.countLastMonth(DASHBOARD_SAMPLES), "count(*) of the 30 days",
				"p99 ≤ 300 ms warm");
		Map<String, Latencies> dashboard = reads.dashboard(DASHBOARD_SAMPLES);
		latencyRow("— the same from its 10 separate requests, in a row", "dashboardParts",
				dashboard.remove("dashboard"), raw.countLastMonth(DASHBOARD_SAMPLES), "count(*) of the 30 days", "");
		String slowest = null;
		for (var part : dashboard.entrySet()) {
			figures.put("dashboard." + part.getKey() + "P99Ms", part.getValue().percentile(99));
			if (slowest == null || part.getValue().percentile(99) > dashboard.get(slowest).percentile(99)) {
				slowest = part.getKey();
			}
		}
		figures.row("— its slowest request (" + slowest + ")", "p99 " + Figures.ms(dashboard.get(slowest)
			.percentile(99)), "", "");
		for (var home : reads.homes(READ_SAMPLES).entrySet()) {
			Latencies l = home.getValue();
			String key = "home." + home.getKey();
			figures.put(key + "P50Ms", l.percentile(50));
			figures.put(key + "P99Ms", l.percentile(99));
			figures.put(key + "Errors", l.errors());
			figures.row("Home page (/, signed in, Thymeleaf included), " + home.getKey(),
					String.format("p50 %s, p99 %s (%d requests%s)", Figures.ms(l.percentile(50)),
							Figures.ms(l.percentile(99)), l.count(), l.errors() == 0 ? "" : ", " + l.errors() + " errors"),
					"", "p99 ≤ 150 ms warm");
		}
	}

	private void mixed(MixedLoad load, City city, RawPostgres raw) throws Exception {
		int agents = Integer.getInteger("bench.mixed.agents", Math.min(MIXED_USERS / 10, city.agents().size()));
		Duration tenth = MIXED_DURATION.dividedBy(10);
		MixedLoad.Settings settings = new MixedLoad.Settings(MIXED_USERS, agents, MIXED_DURATION,
				duration("bench.mixed.rampup", (tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth
						: Duration.ofMinutes(1)).toString()),
				duration("bench.mixed.agentThink", "PT5S"), duration("bench.mixed.customerThink", "PT15S"));
		System.out.println("Mixed load: " + settings);
		Map<String, Latencies> mixed = load.run(settings);
		double singleRowAfter = raw.singleRowInsertTransactionsPerSecond(Duration.ofSeconds(3));
		figures.put("pgSingleRowInsertTxPerSecondAfterMixed", Math.round(singleRowAfter));
		mixedRows(settings, mixed, singleRowAfter);
	}

	/**
	 * The slowest parts of a request whose parts are timed apart (the register's evidence sources, global search's
	 * sources): mean and the slowest answer of the three slowest, so that a request over its target says where to look.
	 */
	private void slowestParts(Prometheus after, String metric, String label, String key, String title) {
		List<String> parts = new ArrayList<>(after.labelValues(metric + "_count", label));
		parts.sort(java.util.Comparator.comparingDouble((String s) -> -after.sum(metric + "_sum", label, s)
				/ after.sum(metric + "_count", label, s)));
		for (String part : parts.subList(0, Math.min(3, parts.size()))) {
			double mean = after.sum(metric + "_sum", label, part) / after.sum(metric + "_count", label, part);
			double max = after.sum(metric + "_max", label, part);
			figures.put(key + "." + part + ".meanMs", mean * 1000);
			figures.put(key + "." + part + ".maxMs", max * 1000);
			figures.row("— " + title + " " + part, String.format("mean %s, slowest %s", Figures.ms(mean * 1000),
					Figures.ms(max * 1000)), "", "");
		}
	}

	private void latencyRow(String title, String key, Latencies yunwei, Latencies raw, String rawWhat, String target) {
		figures.put(key + "P50Ms", yunwei.percentile(50));
		figures.put(key + "P99Ms", yunwei.percentile(99));
		figures.put(key + "Errors", yunwei.errors());
		figures.put("pg." + key + "P50Ms", raw.percentile(50));
		figures.put("pg." + key + "P99Ms", raw.percentile(99));
		figures.row(title, String.format("p50 %s, p99 %s (%d requests%s)", Figures.ms(yunwei.percentile(50)),
				Figures.ms(yunwei.percentile(99)), yunwei.count(), yunwei.errors() == 0 ? ""
						: ", " + yunwei.errors() + " errors"),
				String.format("%s: p50 %s, p99 %s", rawWhat, Figures.ms(raw.percentile(50)),
						Figures.ms(raw.percentile(99))), target);
	}

	private void mixedRows(MixedLoad.Settings settings, Map<String, Latencies> mixed, double singleRowAfter) {
		Latencies all = new Latencies();
		long requests = 0;
		long errors = 0;
		long refusals = 0;
		for (var kind : mixed.entrySet()) {
			Latencies l = kind.getValue();
			requests += l.count() + l.errors() + l.refusals();
			errors += l.errors();
			refusals += l.refusals();
			all.merge(l);
			figures.put("mixed." + kind.getKey() + ".requests", l.count() + l.errors() + l.refusals());
			figures.put("mixed." + kind.getKey() + ".p50Ms", l.percentile(50));
			figures.put("mixed." + kind.getKey() + ".p95Ms", l.percentile(95));
			figures.put("mixed." + kind.getKey() + ".p99Ms", l.percentile(99));
			figures.put("mixed." + kind.getKey() + ".errors", l.errors());
		}
		double errorPercent = requests == 0 ? 0 : 100.0 * errors / requests;
		double seconds = settings.duration().toNanos() / 1e9;
		figures.put("mixedUsers", settings.users());
		figures.put("mixedAgents", settings.agents());
		figures.put("mixedSeconds", seconds);
		figures.put("mixedRequestsPerSecond", requests / seconds);
		figures.put("mixedErrorPercent", errorPercent);
		figures.put("mixedRefusals", refusals);
		figures.put("mixedP50Ms", all.percentile(50));
		figures.put("mixedP95Ms", all.percentile(95));
		figures.put("mixedP99Ms", all.percentile(99));
		figures.row(String.format("Mixed load, %d users (%d agents) for %s", settings.users(), settings.agents(),
				settings.duration()),
				String.format("%,.0f requests/s; p50 %s, p95 %s, p99 %s; errors %.3f %% (%d of %,d)", requests / seconds,
						Figures.ms(all.percentile(50)), Figures.ms(all.percentile(95)),
						Figures.ms(all.percentile(99)), errorPercent, errors, requests),
				Figures.perSecond(singleRowAfter) + " single-row insert tx right after",
				"errors < 0.1 %, p95 ≤ 150 ms");
		for (var kind : mixed.entrySet()) {
			Latencies l = kind.getValue();
			figures.row("— " + kind.getKey(), String.format("%,d requests; p50 %s, p95 %s, p99 %s%s", l.count()
					+ l.errors() + l.refusals(), Figures.ms(l.percentile(50)), Figures.ms(l.percentile(95)),
					Figures.ms(l.percentile(99)), (l.errors() == 0 ? "" : "; " + l.errors() + " errors")
							+ (l.refusals() == 0 ? "" : "; " + l.refusals() + " lost races")),
					"", "");
		}
	}

	/** The ticks during the measurements (counts and sums between two readings); quantiles of the last minutes. */
	private void slaTicks(Prometheus before, Prometheus after) {
		for (String raised : List.of("none", "some")) {
			double count = after.sum("yunwei_sla_tick_seconds_count", "raised", raised)
					- before.sum("yunwei_sla_tick_seconds_count", "raised", raised);
			double seconds = after.sum("yunwei_sla_tick_seconds_sum", "raised", raised)
					- before.sum("yunwei_sla_tick_seconds_sum", "raised", raised);
			double mean = count == 0 ? Double.NaN : seconds * 1000 / count;
			double p50 = after.value("yunwei_sla_tick_seconds", "raised", raised, "quantile", "0.5") * 1000;
			double p99 = after.value("yunwei_sla_tick_seconds", "raised", raised, "quantile", "0.99") * 1000;
			double max = after.value("yunwei_sla_tick_seconds_max", "raised", raised) * 1000;
			String key = "slaTick" + (raised.equals("none") ? "Idle" : "Raising");
			figures.put(key + "Count", Math.round(count));
			figures.put(key + "MeanMs", mean);
			figures.put(key + "P50Ms", p50);
			figures.put(key + "P99Ms", p99);
			figures.put(key + "MaxMs", max);
			figures.row("SLA scheduler tick, " + (raised.equals("none") ? "nothing due" : "raising thresholds/breaches"),
					count == 0 ? "no such tick during the run"
							: String.format("%,d ticks, mean %s; last minutes p50 %s, p99 %s, max %s",
									Math.round(count), Figures.ms(mean), Figures.ms(p50), Figures.ms(p99),
									Figures.ms(max)),
					"", raised.equals("some") ? "< 200 ms for 1,000 due" : "");
		}
	}

	/** Heap in use after a full collection, once the load is over; and whether the child ran out of memory. */
	private void heap(Api api, ChildJvm app) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		String flags = run(jcmd.toString(), String.valueOf(app.pid()), "VM.flags");
		run(jcmd.toString(), String.valueOf(app.pid()), "GC.run");
		Prometheus after = Prometheus.read(api);
		double used = after.sum("jvm_memory_used_bytes", "area", "heap") / (1 << 20);
		double committed = after.sum("jvm_memory_committed_bytes", "area", "heap") / (1 << 20);
		var max = java.util.regex.Pattern.compile("MaxHeapSize=(\\d+)").matcher(flags);
		double maxMb = max.find() ? Long.parseLong(max.group(1)) / (double) (1 << 20) : Double.NaN;
		figures.put("heapUsedAfterLoadMb", used);
		figures.put("heapCommittedMb", committed);
		figures.put("heapMaxMb", maxMb);
		figures.put("outOfMemoryError", app.sawOutOfMemory() || !app.alive());
		figures.row("Heap after the load (after a full GC)", String.format("%,.0f MB used, %,.0f MB committed, "
				+ "max %,.0f MB; %s", used, committed, maxMb, app.sawOutOfMemory() || !app.alive()
						? "OutOfMemoryError or ended" : "no OutOfMemoryError"),
				"", "serves the city with -Xmx1g");
	}

	/**
	 * Errors and warnings Yunwei logged during the run: a failure that no request saw (an event listener, a
	 * scheduled job) shows only there.
	 */
	private void loggedProblems(ChildJvm app) throws IOException {
		long errors;
		long warnings;
		try (var lines = Files.lines(app.log())) {
			var counts = lines.filter(line -> line.contains(" ERROR ") || line.contains(" WARN "))
				.collect(Collectors.partitioningBy(line -> line.contains(" ERROR "), Collectors.counting()));
			errors = counts.get(true);
			warnings = counts.get(false);
		}
		figures.put("yunweiErrorsLogged", errors);
		figures.put("yunweiWarningsLogged", warnings);
		figures.row("Errors / warnings in Yunwei's log", String.format("%,d / %,d (%s)", errors, warnings,
				app.log()), "", "no error");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	// the machine

	private void machine(String when) {
		try {
			String load = Files.readString(Path.of("/proc/loadavg")).trim();
			figures.put("loadAverage" + when, load.substring(0, load.indexOf(' ', load.indexOf(' ',
					load.indexOf(' ') + 1) + 1)));
			if (when.equals("Start")) {
				figures.put("cpus", Runtime.getRuntime().availableProcessors());
				Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
					.findFirst()
					.ifPresent(l -> figures.put("memTotalGb",
							Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0));
			}
		}
		catch (IOException | RuntimeException notLinux) {
			figures.put("loadAverage" + when, "unknown");
		}
	}

	// the database, the generator and Yunwei

	private record Database(String url, String user, String password, List<String> arguments, int appPort) {
	}

	/** {@code YUNWEI_BENCH_DB_URL} (user and password from {@code YUNWEI_BENCH_DB_USER}/{@code _PASSWORD}), else
	 * the embedded server on the kept data directory, on a port chosen for this run. */
	private static Database database() throws IOException {
		String url = System.getenv("YUNWEI_BENCH_DB_URL");
		int appPort = ChildJvm.freePort();
		if (url != null && !url.isBlank()) {
			String user = System.getenv().getOrDefault("YUNWEI_BENCH_DB_USER", "");
			String password = System.getenv().getOrDefault("YUNWEI_BENCH_DB_PASSWORD", "");
			return new Database(url, user, password, List.of("--yunwei.db.url=" + url, "--yunwei.db.user=" + user,
					"--yunwei.db.password=" + password, "--yunwei.admin.password=" + ADMIN_PASSWORD), appPort);
		}
		// one directory per city size, so that a quick run with fewer tickets leaves the big city alone
		Path data = DIRECTORY.resolve("postgres-" + TICKETS);
		Files.createDirectories(data);
		int port = ChildJvm.freePort();
		return new Database("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "",
				List.of("--yunwei.db.embedded.data-directory=" + data, "--yunwei.db.embedded.port=" + port,
						"--yunwei.admin.password=" + ADMIN_PASSWORD), appPort);
	}

	private void generate(Database database, Path accounts) throws InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("generate", "--tickets=" + TICKETS,
				"--accounts-file=" + accounts, "--spring.main.banner-mode=off"));
		if (System.getProperty("bench.seed") != null) {
			arguments.add("--seed=" + System.getProperty("bench.seed"));
		}
		arguments.addAll(database.arguments());
		long start = System.nanoTime();
		try (ChildJvm generator = ChildJvm.start("generator", List.of("-Xmx" + System.getProperty(
				"bench.generator.heap", "1g"), "-Duser.timezone=Asia/Shanghai"), arguments, DIRECTORY.resolve(
						"generator.log"), CityBenchmark::generatorProgress)) {
			int exit = generator.waitFor(duration("bench.generator.timeout", "PT25M"));
			if (exit != 0) {
				throw new IllegalStateException("The generator ended with " + exit + "; see " + generator.log());
			}
		}
		figures.put("generatorSeconds", (System.nanoTime() - start) / 1e9);
	}

	private ChildJvm startYunwei(Database database) throws InterruptedException {
		List<String> arguments = new ArrayList<>(database.arguments());
		arguments.add("--server.port=" + database.appPort());
		// the benchmark reads Yunwei's own timers from /actuator/prometheus, on a port only it reaches
		arguments.add("--yunwei.public-metrics=true");
		long start = System.nanoTime();
		ChildJvm app = ChildJvm.start("yunwei", List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
				"-Duser.timezone=Asia/Shanghai"), arguments, DIRECTORY.resolve("yunwei.log"),
				line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Started Yunwei")
						|| line.contains("OutOfMemoryError"));
		children.add(app);
		app.awaitHealthy(URI.create("http://localhost:" + database.appPort() + "/actuator/health"),
				Duration.ofMinutes(5));
		figures.put("yunweiStartSeconds", (System.nanoTime() - start) / 1e9);
		return app;
	}

	/** The generator's own lines (progress, totals) and the log's warnings; not Spring's start-up chatter. */
	private static boolean generatorProgress(String line) {
		return !LOG_LINE.matcher(line).lookingAt() || line.contains(" WARN ") || line.contains(" ERROR ");
	}

	private static Duration duration(String property, String defaultValue) {
		return Duration.parse(System.getProperty(property, defaultValue));
	}
}
