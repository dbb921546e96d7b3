package org.yunwei.cmdb.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.RequestTimer;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The CMDB's figures of issue 16 on a generated graph: {@value #DEFAULT_ITEMS} items (four core switches as hubs,
 * physical hosts connected to them, virtual machines running on the hosts, application systems) with about five
 * relations per item, most of them random 依赖 (depends on) links. Through the REST API as management reads it:
 * 5-hop impact analysis from an ordinary item (up to a few thousand reached) and from a hub (reaching nearly all),
 * each beside PostgreSQL's own recursive walk of the same graph; the filtered ledger's first page; search as you
 * type; and the import rate of a {@value #DEFAULT_IMPORT_ROWS}-row workbook. Sizes by {@code -Dbench.cmdb.items} and
 * {@code -Dbench.cmdb.import-rows}. Prints p50/p99 and a {@code BENCH} line; asserts no timing. To explain a tail it
 * also prints the phases of the 5-hop analysis timed in-process, the answers' sizes, and for the 5-hop, hub and search
 * series their slowest runs with whether a garbage collection or an autovacuum worker coincided with each.
 */
@Tag("benchmark")
class CmdbBenchmark extends IntegrationTestSupport {

	private static final int DEFAULT_ITEMS = 100_000;
	private static final int DEFAULT_IMPORT_ROWS = 10_000;
	private static final int ITEMS = Integer.getInteger("bench.cmdb.items", DEFAULT_ITEMS);
	private static final int IMPORT_ROWS = Integer.getInteger("bench.cmdb.import-rows", DEFAULT_IMPORT_ROWS);
	private static final int RUNS = Integer.getInteger("bench.cmdb.runs", 200);
	private static final String RAW_WALK = rawWalk(5);
	private static final String RAW_WALK_3 = rawWalk(3);

	/** PostgreSQL's own walk of the same graph, the same directions as the application's, to this depth. */
	private static String rawWalk(int depth) {
		return """
			with recursive walk(id, depth) as (
			  select cast(? as bigint), 0
			  union
			  select case when r.target_id = w.id and r.type <> 'CONTAINS' then r.source_id else r.target_id end,
			         w.depth + 1
			  from walk w join ci_relation r
			    on r.removed_at is null and w.depth < %d
			   and ((r.target_id = w.id and r.type in ('RUNS_ON', 'DEPENDS_ON', 'INSTALLED_ON', 'BACKED_UP_BY',
			         'CONNECTED_TO'))
			     or (r.source_id = w.id and r.type in ('CONTAINS', 'CONNECTED_TO'))))
			select count(distinct id) - 1 from walk""".formatted(depth);
	}

	@Autowired
	private ApplicationContext context;

	@Autowired
	private RelationGraph graph;

	@Autowired
	private ImpactAnalysis analysis;

	@Test
	void cmdb() throws Exception {
		CmdbFixtures world = new CmdbFixtures(jdbc, api());
		String manager = world.token(world.manager);
		String tag = TestDirectory.unique("BZ");
		long fill = System.nanoTime();
		long[] ids = fill(world, tag);
		double fillSeconds = (System.nanoTime() - fill) / 1e9;
		long hub = ids[0];
		long ordinary = ids[1];

		long[] impact3 = time(() -> get("/api/v1/cis/" + ordinary + "/impact?depth=3&limit=100", manager));
		long[] impact3Raw = time(() -> jdbc.sql(RAW_WALK_3).param(ordinary).query(Long.class).single());
		long reached3 = jdbc.sql(RAW_WALK_3).param(ordinary).query(Long.class).single();

		Series impactSeries = series(() -> get("/api/v1/cis/" + ordinary + "/impact?depth=5&limit=100", manager), RUNS);
		long[] impact = impactSeries.sorted();
		Phases phases = phases(world, ordinary);
		long[] impactRaw = time(() -> jdbc.sql(RAW_WALK).param(ordinary).query(Long.class).single());
		long reached = jdbc.sql(RAW_WALK).param(ordinary).query(Long.class).single();
		int hubRuns = Math.max(5, RUNS / 10);
		Series hubSeries = series(() -> get("/api/v1/cis/" + hub + "/impact?depth=5&limit=100", manager), hubRuns);
		long[] hubImpact = hubSeries.sorted();
		long[] hubRaw = time(() -> jdbc.sql(RAW_WALK).param(hub).query(Long.class).single(), hubRuns);
		long hubReached = jdbc.sql(RAW_WALK).param(hub).query(Long.class).single();
		long[] impactApart = RequestTimer.time("http://localhost:" + port + "/api/v1/cis/" + ordinary
				+ "/impact?depth=5&limit=100", manager, RUNS);
		long[] hubApart = RequestTimer.time("http://localhost:" + port + "/api/v1/cis/" + hub
				+ "/impact?depth=5&limit=100", manager, hubRuns);
		long vmClass = world.classId("VIRTUAL_MACHINE");
		long[] ledger = time(() -> get("/api/v1/cis?classId=" + vmClass + "&lifecycle=IN_USE&limit=50", manager));
		Series searchSeries = series(() -> get("/api/v1/cis/search?q=" + tag.substring(0, 4) + "-12", manager), RUNS);
		long[] search = searchSeries.sorted();

		byte[] workbook = workbook(world, world.token(world.lead));
		long start = System.nanoTime();
		HttpResponse<byte[]> imported = upload(workbook, world.classId("PRINTER"), world.token(world.lead));
		double importSeconds = (System.nanoTime() - start) / 1e9;
		if (imported.statusCode() != 200) {
			throw new AssertionError(new String(imported.body(), StandardCharsets.UTF_8));
		}

		System.out.printf("CMDB of %d items, %d relations (fill %.0f s)%n", ITEMS,
				jdbc.sql("select count(*) from ci_relation").query(Long.class).single(), fillSeconds);
		System.out.printf("  impact 3 hops, %d reached      API p50 %.2f ms  p99 %.2f ms  raw SQL p50 %.2f ms  p99 %.2f ms%n",
				reached3, ms(impact3, 50), ms(impact3, 99), ms(impact3Raw, 50), ms(impact3Raw, 99));
		System.out.printf("  impact 5 hops, %d reached      API p50 %.2f ms  p99 %.2f ms  raw SQL p50 %.2f ms  p99 %.2f ms%n",
				reached, ms(impact, 50), ms(impact, 99), ms(impactRaw, 50), ms(impactRaw, 99));
		System.out.printf("  impact 5 hops from a hub, %d reached  API p50 %.2f ms  p99 %.2f ms  raw SQL p50 %.2f ms  p99 %.2f ms%n",
				hubReached, ms(hubImpact, 50), ms(hubImpact, 99), ms(hubRaw, 50), ms(hubRaw, 99));
		System.out.printf("  — impact 5 hops and from the hub, from a client in its own process (as a browser asks): "
				+ "p50 %.2f / p99 %.2f ms; hub p50 %.2f / p99 %.2f ms%n", ms(impactApart, 50), ms(impactApart, 99),
				ms(hubApart, 50), ms(hubApart, 99));
		System.out.printf("  ledger first page (class, lifecycle)  p50 %.2f ms  p99 %.2f ms%n", ms(ledger, 50),
				ms(ledger, 99));
		System.out.printf("  search as you type                    p50 %.2f ms  p99 %.2f ms%n", ms(search, 50),
				ms(search, 99));
		System.out.printf("  import of %d rows: %.1f s, %.0f rows/s%n", IMPORT_ROWS, importSeconds,
				IMPORT_ROWS / importSeconds);
		System.out.printf("  where the 5-hop request's time goes (in-process, %d runs, p50 / p99 ms): %s%n", RUNS, phases);
		System.out.printf("  answer sizes: 5 hops %,d bytes, hub %,d bytes%n",
				get("/api/v1/cis/" + ordinary + "/impact?depth=5&limit=100", manager),
				get("/api/v1/cis/" + hub + "/impact?depth=5&limit=100", manager));
		System.out.printf("  tail of the 5-hop series: %s%n", impactSeries);
		System.out.printf("  tail of the hub series:   %s%n", hubSeries);
		System.out.printf("  tail of the search series: %s%n", searchSeries);
		System.out.printf("BENCH {\"cmdbItems\": %d, \"impact3Reached\": %d, \"impact3P50Ms\": %.2f, \"impact3P99Ms\": %.2f, "
				+ "\"impact3RawP50Ms\": %.2f, \"impact3RawP99Ms\": %.2f, \"impactReached\": %d, \"impactP50Ms\": %.2f, \"impactP99Ms\": %.2f, "
				+ "\"impactRawP50Ms\": %.2f, \"impactRawP99Ms\": %.2f, \"hubReached\": %d, \"hubImpactP50Ms\": %.2f, "
				+ "\"hubImpactP99Ms\": %.2f, \"hubRawP50Ms\": %.2f, \"hubRawP99Ms\": %.2f, \"ledgerP50Ms\": %.2f, "
				+ "\"ledgerP99Ms\": %.2f, \"searchP50Ms\": %.2f, \"searchP99Ms\": %.2f, \"importRowsPerSecond\": %.0f, "
				+ "\"impactApartP50Ms\": %.2f, \"impactApartP99Ms\": %.2f, \"hubApartP50Ms\": %.2f, \"hubApartP99Ms\": %.2f}%n",
				ITEMS, reached3, ms(impact3, 50), ms(impact3, 99), ms(impact3Raw, 50), ms(impact3Raw, 99), reached,
				ms(impact, 50), ms(impact, 99), ms(impactRaw, 50), ms(impactRaw, 99), hubReached,
				ms(hubImpact, 50), ms(hubImpact, 99), ms(hubRaw, 50), ms(hubRaw, 99), ms(ledger, 50), ms(ledger, 99),
				ms(search, 50), ms(search, 99), IMPORT_ROWS / importSeconds, ms(impactApart, 50), ms(impactApart, 99),
				ms(hubApart, 50), ms(hubApart, 99));
	}

	/**
	 * The graph, for the world's bureau: answers a hub (a core switch) and an ordinary virtual machine. Items are
	 * numbered 0..ITEMS-1 within the fill: 0-3 core switches, then hosts (2 %), virtual machines (70 %), application
	 * systems.
	 */
	private long[] fill(CmdbFixtures world, String tag) {
		int hosts = Math.max(4, ITEMS / 50);
		int vms = ITEMS * 7 / 10;
		jdbc.sql("""
				insert into configuration_item (class_id, class_path, name, lifecycle, asset_tag, ip_address,
				  customer_unit_id, attributes)
				select c.id, c.path, ? || '-' || g, 'IN_USE', ? || '-T' || g,
				  '10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256, ?, '{}'
				from generate_series(0, ? - 1) g
				join ci_class c on c.code = case when g < 4 then 'NETWORK_DEVICE' when g < 4 + ? then 'PHYSICAL_SERVER'
				  when g < 4 + ? + ? then 'VIRTUAL_MACHINE' else 'APPLICATION_SYSTEM' end
				order by g""")
			.params(tag, tag, world.bureau, ITEMS, hosts, hosts, vms).update();
		long base = jdbc.sql("select min(id) from configuration_item where asset_tag like ?").param(tag + "-T%")
			.query(Long.class).single();
		jdbc.sql("""
				insert into ci_relation (source_id, target_id, type, created_by_name)
				select ? + 4 + h, ? + h % 4, 'CONNECTED_TO', 'bench' from generate_series(0, ? - 1) h""")
			.params(base, base, hosts).update();
		jdbc.sql("""
				insert into ci_relation (source_id, target_id, type, created_by_name)
				select ? + 4 + ? + v, ? + 4 + v % ?, 'RUNS_ON', 'bench' from generate_series(0, ? - 1) v""")
			.params(base, hosts, base, hosts, vms).update();
		// four random dependencies per virtual machine and application system, on the machines and applications
		jdbc.sql("""
				insert into ci_relation (source_id, target_id, type, created_by_name)
				select distinct s, t, 'DEPENDS_ON', 'bench' from (
				  select ? + 4 + ? + i as s, ? + 4 + ? + floor(random() * ?)::bigint as t
				  from generate_series(0, ? - 1) i, generate_series(1, 4)) d
				where s <> t
				on conflict do nothing""")
			.params(base, hosts, base, hosts, ITEMS - 4 - hosts, ITEMS - 4 - hosts).update();
		jdbc.sql("analyze configuration_item").update();
		jdbc.sql("analyze ci_relation").update();
		return new long[] { base, base + 4 + hosts + vms / 2 };
	}

	private byte[] workbook(CmdbFixtures world, String token) throws Exception {
		long printer = world.classId("PRINTER");
		byte[] template = HttpClient.newHttpClient().send(request("/api/v1/ci-classes/" + printer + "/import-template",
				token).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		String unitCode = jdbc.sql("select code from org_unit where id = ?").param(world.bureau).query(String.class)
			.single();
		String tag = TestDirectory.unique("IMPB");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> columns = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> columns.add(cell.getStringCellValue()));
			for (int i = 0; i < IMPORT_ROWS; i++) {
				Row row = sheet.createRow(i + 2);
				row.createCell(columns.indexOf("name")).setCellValue("打印机-" + tag + "-" + i);
				row.createCell(columns.indexOf("customerUnit")).setCellValue(unitCode);
				row.createCell(columns.indexOf("assetTag")).setCellValue(tag + "-" + i);
				row.createCell(columns.indexOf("room")).setCellValue((i % 30 + 1) + "0" + (i % 9 + 1) + " 室");
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private HttpResponse<byte[]> upload(byte[] file, long classId, String token) throws Exception {
		String boundary = "cmdbBench" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(request("/api/v1/cis/import?classId=" + classId, token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json");
	}

	private long get(String path, String token) {
		var response = keptApi().get(path, token);
		if (response.status() != 200) {
			throw new AssertionError(path + " " + response);
		}
		return response.body().length();
	}

	/**
	 * The phases of one 5-hop analysis, called in-process as management (p50 / p99 each): the walk over the graph
	 * held in memory (with its generation check), the one query for the reached items, the whole analysis (scope,
	 * root, walk, rows, lists, units), and writing its answer as JSON; what the HTTP figure adds beyond these is the
	 * request's own share (token, security, transport).
	 */
	private Phases phases(CmdbFixtures world, long root) {
		JsonMapper json = context.getBeanProvider(JsonMapper.class).getIfAvailable(() -> JsonMapper.builder().build());
		try (SignedIn signedIn = SignedIn.as(context, world.directory.userId(world.manager))) {
			long[] walk = time(() -> graph.current().walk(root, 5, true).size());
			RelationGraph.Walk reached = graph.current().walk(root, 5, true);
			long[] ids = new long[reached.size()];
			for (int n = 0; n < ids.length; n++) {
				ids[n] = reached.id(n);
			}
			long[] rows = time(() -> {
				ReachedItems read = ReachedItems.read(jdbc, ids, reached::position, reached.size());
				return read.known(0) ? 1 : 0;
			});
			long[] whole = time(() -> analysis.of(root, 5, "downstream", 100).total());
			Impact answer = analysis.of(root, 5, "downstream", 100);
			long[] written = time(() -> json.writeValueAsBytes(answer).length);
			return new Phases(walk, rows, whole, written);
		}
	}

	private record Phases(long[] walk, long[] rows, long[] analysis, long[] json) {

		@Override
		public String toString() {
			return String.format("walk %.2f / %.2f, rows query %.2f / %.2f, whole analysis %.2f / %.2f, JSON %.2f / %.2f",
					ms(walk, 50), ms(walk, 99), ms(rows, 50), ms(rows, 99), ms(analysis, 50), ms(analysis, 99),
					ms(json, 50), ms(json, 99));
		}
	}

	/**
	 * A timed series that also says what its slowest runs had in common: whether a garbage collection ran during
	 * the run (this JVM serves the requests and sends them), and whether PostgreSQL's autovacuum was at work when
	 * it started (the fill has just written every table).
	 */
	private Series series(LongSupplier work, int runs) {
		for (int i = 0; i < Math.min(20, runs); i++) {
			work.getAsLong();
		}
		List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
		long[] nanos = new long[runs];
		boolean[] collected = new boolean[runs];
		boolean[] vacuuming = new boolean[runs];
		long pausesBefore = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
		for (int i = 0; i < runs; i++) {
			vacuuming[i] = jdbc.sql("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")
				.query(Long.class).single() > 0;
			long count = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
			long start = System.nanoTime();
			work.getAsLong();
			nanos[i] = System.nanoTime() - start;
			collected[i] = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() != count;
		}
		long pauses = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - pausesBefore;
		String slowest = IntStream.range(0, runs).boxed()
			.sorted(Comparator.comparingLong((Integer i) -> nanos[i]).reversed()).limit(4)
			.map(i -> String.format("#%d %.1f ms%s%s", i, nanos[i] / 1e6, collected[i] ? " GC" : "",
					vacuuming[i] ? " autovacuum" : ""))
			.collect(Collectors.joining(", "));
		long[] clean = IntStream.range(0, runs).filter(i -> !collected[i] && !vacuuming[i]).mapToLong(i -> nanos[i])
			.sorted().toArray();
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Series(sorted, slowest, (int) IntStream.range(0, runs).filter(i -> collected[i]).count(),
				(int) IntStream.range(0, runs).filter(i -> vacuuming[i]).count(), pauses, clean);
	}

	/**
	 * @param withGc how many runs a garbage collection ran in
	 * @param whileVacuuming how many runs started while an autovacuum worker was at work
	 * @param gcMillis the collectors' time during the series
	 * @param clean the runs with neither, sorted
	 */
	private record Series(long[] sorted, String slowest, int withGc, int whileVacuuming, long gcMillis, long[] clean) {

		@Override
		public String toString() {
			return String.format("p50 %.2f p99 %.2f ms; slowest %s; %d runs with a GC (%d ms of collection), %d while "
					+ "autovacuum worked; the %d other runs p50 %.2f p99 %.2f ms", ms(sorted, 50), ms(sorted, 99),
					slowest, withGc, gcMillis, whileVacuuming, clean.length, clean.length == 0 ? 0 : ms(clean, 50),
					clean.length == 0 ? 0 : ms(clean, 99));
		}
	}

	private long[] time(LongSupplier work) {
		return time(work, RUNS);
	}

	private static long[] time(LongSupplier work, int runs) {
		for (int i = 0; i < Math.min(20, runs); i++) {
			work.getAsLong();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.getAsLong();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static double ms(long[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
	}
}
