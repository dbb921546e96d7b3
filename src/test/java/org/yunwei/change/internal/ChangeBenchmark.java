package org.yunwei.change.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.RequestTimer;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The change figures of issue 18 on a generated city: a CMDB graph of {@value #DEFAULT_ITEMS} items (as
 * {@code CmdbBenchmark} builds it: core switches as hubs, hosts, virtual machines running on them, application
 * systems, four random dependencies each) for the world's bureau, and {@value #DEFAULT_CHANGES} changes over two years
 * written on it by the generator's own {@link ChangeDataset}, all of the world's provider, so that its desk manager
 * reads every one. Through the REST API as that manager: the change calendar's month view of the busiest recent
 * month, conflict detection for a new change planned in it, and the risk assessment with its impact analysis when a
 * change on 20 items is saved; each beside PostgreSQL's own answer to the same question (the calendar's range scan,
 * the conflict probe on the GIN indexes, the 3-hop walk from the 20 items). Sizes by {@code -Dbench.change.changes},
 * {@code -Dbench.change.items}, {@code -Dbench.change.runs}. Prints p50/p99 and a {@code BENCH} line; asserts no
 * timing.
 */
@Tag("benchmark")
class ChangeBenchmark extends IntegrationTestSupport {

	private static final int DEFAULT_CHANGES = 50_000;
	private static final int DEFAULT_ITEMS = 20_000;
	private static final int CHANGES = Integer.getInteger("bench.change.changes", DEFAULT_CHANGES);
	private static final int ITEMS = Integer.getInteger("bench.change.items", DEFAULT_ITEMS);
	private static final int RUNS = Integer.getInteger("bench.change.runs", 200);
	private static final int CHUNK = 5_000;

	private static final String RAW_CALENDAR = """
			select c.id, c.number, c.title, c.status, c.category, c.risk_level, c.planned_start, c.planned_end,
			  c.ci_ids, c.service_ids
			from change_request c
			where c.planned_start is not null and tstzrange(c.planned_start, c.planned_end) && tstzrange(?, ?)
			  and c.status <> 'CANCELLED' and c.provider_party_id = ?
			order by c.planned_start, c.id""";
	private static final String RAW_CONFLICTS = """
			select c.id from change_request c
			where c.planned_start is not null and tstzrange(c.planned_start, c.planned_end) && tstzrange(?, ?)
			  and c.status <> 'CANCELLED' and c.provider_party_id = ?
			  and (c.ci_ids && cast(? as bigint[]) or c.service_ids && cast(? as bigint[])) and c.id <> ?""";
	private static final String RAW_WALK = """
			with recursive walk(id, depth) as (
			  select unnest(cast(? as bigint[])), 0
			  union
			  select case when r.target_id = w.id and r.type <> 'CONTAINS' then r.source_id else r.target_id end,
			         w.depth + 1
			  from walk w join ci_relation r
			    on r.removed_at is null and w.depth < 3
			   and ((r.target_id = w.id and r.type in ('RUNS_ON', 'DEPENDS_ON', 'INSTALLED_ON', 'BACKED_UP_BY',
			         'CONNECTED_TO'))
			     or (r.source_id = w.id and r.type in ('CONTAINS', 'CONNECTED_TO'))))
			select count(distinct id) from walk""";

	@Autowired
	ChangeDataset dataset;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	FreezeWindowRecords freezeWindows;

	@Autowired
	JsonMapper json;

	@Autowired
	ChangeCalendar calendar;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Test
	void changes() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		String manager = world.token(world.manager);
		String tag = TestDirectory.unique("CB");
		long fill = System.nanoTime();
		Graph graph = graph(world, tag);
		Instant anchor = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		generate(world, graph, anchor);
		double fillSeconds = (System.nanoTime() - fill) / 1e9;
		jdbc.sql("analyze change_request").update();

		// the busiest of the last full months, as a service desk would look ahead or back
		YearMonth month = YearMonth.from(LocalDate.ofInstant(anchor, ChangeRegister.ZONE)).minusMonths(1);
		Instant monthStart = month.atDay(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
		Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
		long inMonth = jdbc.sql(RAW_CALENDAR.replace("select c.id, c.number", "select count(*) from (select c.id, c.number")
				.replace("order by c.planned_start, c.id", ") x")).params(Timestamp.from(monthStart),
						Timestamp.from(monthEnd), world.providerParty)
			.query(Long.class).single();
		long[] calendar = time(() -> get("/api/v1/change-calendar?view=month&month=" + month, manager));
		long[] calendarApart = RequestTimer.time("http://localhost:" + port + "/api/v1/change-calendar?view=month&month="
				+ month, manager, RUNS);
		long[] calendarRaw = time(() -> jdbc.sql(RAW_CALENDAR).params(Timestamp.from(monthStart),
				Timestamp.from(monthEnd), world.providerParty).query().listOfRows().size());

		Phases phases = phases(world, month);

		// a new change on three virtual machines, planned in that month's evening window
		List<Long> three = List.of(graph.vms().get(11), graph.vms().get(222), graph.vms().get(3_333 % graph.vms().size()));
		Map<String, Object> body = world.change("基准测试变更", three);
		Instant plannedStart = month.atDay(15).atTime(20, 0).atZone(ChangeRegister.ZONE).toInstant();
		body.put("plannedStart", plannedStart.toString());
		body.put("plannedEnd", plannedStart.plus(Duration.ofHours(3)).toString());
		long fresh = world.create(body).get("id").asLong();
		long conflictsFound = api().get("/api/v1/changes/" + fresh + "/conflicts", manager).json().size();
		long[] conflicts = time(() -> get("/api/v1/changes/" + fresh + "/conflicts", manager));
		String threeArray = "{" + String.join(",", three.stream().map(String::valueOf).toList()) + "}";
		String services = jdbc.sql("select service_ids::text from change_request where id = ?").param(fresh)
			.query(String.class).single();
		long[] conflictsRaw = time(() -> jdbc.sql(RAW_CONFLICTS).params(Timestamp.from(plannedStart),
				Timestamp.from(plannedStart.plus(Duration.ofHours(3))), world.providerParty, threeArray, services, fresh)
			.query().listOfRows().size());

		// the risk assessment with its impact analysis: saving a change on 20 items recomputes it
		List<Long> twenty = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			twenty.add(graph.vms().get((i * 7_919) % graph.vms().size()));
		}
		Map<String, Object> wide = world.change("二十台云主机补丁升级", twenty);
		long wideId = world.create(wide).get("id").asLong();
		long reached = api().get("/api/v1/changes/" + wideId, manager).json().get("assessment").get("reached")
			.asLong();
		long[] assess = time(() -> {
			var response = keptApi().put("/api/v1/changes/" + wideId, manager, wide);
			if (response.status() != 200) {
				throw new AssertionError(response);
			}
			return response.body().length();
		}, Math.max(20, RUNS / 4));
		String twentyArray = "{" + String.join(",", twenty.stream().map(String::valueOf).toList()) + "}";
		long[] assessRaw = time(() -> jdbc.sql(RAW_WALK).param(twentyArray).query(Long.class).single()
				+ jdbc.sql("""
						select count(*) from change_request where ci_ids && cast(? as bigint[])
						  and outcome in ('ROLLED_BACK', 'REMEDIED') and actual_end >= now() - interval '365 days'""")
					.param(twentyArray).query(Long.class).single(), Math.max(20, RUNS / 4));

		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long total = jdbc.sql("select count(*) from change_request where provider_party_id = ?")
			.param(world.providerParty).query(Long.class).single();
		System.out.printf("Changes: %d on a CMDB of %d items (fill %.0f s), load average %.1f%n", total, ITEMS,
				fillSeconds, load);
		System.out.printf("  calendar month view %s, %d changes   API p50 %.2f ms  p99 %.2f ms  raw SQL p50 %.2f ms  p99 %.2f ms%n",
				month, inMonth, ms(calendar, 50), ms(calendar, 99), ms(calendarRaw, 50), ms(calendarRaw, 99));
		System.out.printf("  — the same from a client in its own process (as a browser asks)  API p50 %.2f ms  p99 %.2f ms%n",
				ms(calendarApart, 50), ms(calendarApart, 99));
		System.out.printf("  conflicts of a new change, %d found      API p50 %.2f ms  p99 %.2f ms  raw SQL p50 %.2f ms  p99 %.2f ms%n",
				conflictsFound, ms(conflicts, 50), ms(conflicts, 99), ms(conflictsRaw, 50), ms(conflictsRaw, 99));
		System.out.printf("  risk assessment, 20 items, %d reached    API p50 %.2f ms  p99 %.2f ms  raw SQL p50 %.2f ms  p99 %.2f ms%n",
				reached, ms(assess, 50), ms(assess, 99), ms(assessRaw, 50), ms(assessRaw, 99));
		phases.print();
		// left open for a while on request, so that an outside client (curl, another machine) can time the same URLs
		java.time.Duration open = java.time.Duration.parse(System.getProperty("bench.change.keep-open", "PT0S"));
		if (!open.isZero()) {
			System.out.printf("  open for %s: curl -H 'Authorization: Bearer %s' 'http://localhost:%d/api/v1/change-calendar?view=month&month=%s'%n",
					open, manager, port, month);
			try {
				Thread.sleep(open);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		System.out.printf("BENCH {\"changes\": %d, \"cmdbItems\": %d, \"loadAverage\": %.1f, \"calendarChanges\": %d, "
				+ "\"calendarP50Ms\": %.2f, \"calendarP99Ms\": %.2f, \"calendarApartP50Ms\": %.2f, \"calendarApartP99Ms\": %.2f, \"calendarRawP50Ms\": %.2f, \"calendarRawP99Ms\": %.2f, "
				+ "\"conflictsFound\": %d, \"conflictsP50Ms\": %.2f, \"conflictsP99Ms\": %.2f, \"conflictsRawP50Ms\": %.2f, "
				+ "\"conflictsRawP99Ms\": %.2f, \"assessReached\": %d, \"assessP50Ms\": %.2f, \"assessP99Ms\": %.2f, "
				+ "\"assessRawP50Ms\": %.2f, \"assessRawP99Ms\": %.2f}%n",
				total, ITEMS, load, inMonth, ms(calendar, 50), ms(calendar, 99), ms(calendarApart, 50),
				ms(calendarApart, 99), ms(calendarRaw, 50),
				ms(calendarRaw, 99), conflictsFound, ms(conflicts, 50), ms(conflicts, 99), ms(conflictsRaw, 50),
				ms(conflictsRaw, 99), reached, ms(assess, 50), ms(assess, 99), ms(assessRaw, 50), ms(assessRaw, 99));
	}

	/** Where a month view's time goes, phase by phase, in this process; printed with the figures. */
	private record Phases(List<String> lines) {

		void print() {
			System.out.println("  month view by phase (in process, p50 / p99):");
			lines.forEach(line -> System.out.println("    " + line));
		}
	}

	/**
	 * The month view's phases one by one, for the month as it is and for one twice as dense (the previous month's
	 * changes moved a month on into it, as a busier city would plan them): reading the entries with their items and
	 * services, the conflicts by the pairwise sweep the calendar used before and by grouping what changes touch, the
	 * whole arrangement of the answer (conflicts and days), the freeze windows, and the JSON of the answer as it was
	 * (every change of the month) and as it is (each day's few).
	 */
	private Phases phases(ChangeWorld world, YearMonth month) {
		List<String> lines = new ArrayList<>();
		Instant start = month.atDay(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
		Instant before = month.minusMonths(1).atDay(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
		LongSupplier read = () -> jdbc.sql(RAW_CALENDAR).params(Timestamp.from(start), Timestamp.from(end),
				world.providerParty).query(ChangeCalendar.ENTRY).list().size();
		long[] reading = time(read);
		List<ChangeCalendar.Entry> entries = jdbc.sql(RAW_CALENDAR).params(Timestamp.from(start),
				Timestamp.from(end), world.providerParty).query(ChangeCalendar.ENTRY).list();
		List<ChangeCalendar.Entry> dense = new ArrayList<>(entries);
		jdbc.sql(RAW_CALENDAR).params(Timestamp.from(before), Timestamp.from(start), world.providerParty)
			.query(ChangeCalendar.ENTRY).list().forEach(e -> dense.add(new ChangeCalendar.Entry(e.id(), e.number(),
					e.title(), e.status(), e.category(), e.riskLevel(), aMonthOn(e.plannedStart()),
					aMonthOn(e.plannedEnd()), e.ciIds(), e.serviceIds())));
		dense.removeIf(e -> !e.plannedStart().isBefore(end) || !e.plannedEnd().isAfter(start));
		dense.sort(java.util.Comparator.comparing(ChangeCalendar.Entry::plannedStart)
			.thenComparingLong(ChangeCalendar.Entry::id));
		long[] freezes = time(() -> freezeWindows.overlapping(start, end).size());
		// the whole month view as its controller asks it, signed in, without HTTP: what the request adds is the rest
		long[] whole;
		try (SignedIn signedIn = SignedIn.as(context, world.directory.userId(world.manager))) {
			whole = time(() -> calendar.period("month", month.toString(), null, LocalDate.now(ChangeRegister.ZONE))
				.count());
		}
		Timer served = meters.find("http.server.requests").tag("uri", "/api/v1/change-calendar").timer();
		lines.add(("the whole month view in process (signed in, no HTTP) %.2f / %.2f ms; as the server timed its %d "
				+ "requests: mean %.2f ms, max %.2f ms").formatted(ms(whole, 50), ms(whole, 99),
						served == null ? 0 : served.count(),
						served == null ? 0 : served.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
						served == null ? 0 : served.max(java.util.concurrent.TimeUnit.MILLISECONDS)));
		lines.add("read %d entries %.2f / %.2f ms; freeze windows %.2f / %.2f ms".formatted(entries.size(),
				ms(reading, 50), ms(reading, 99), ms(freezes, 50), ms(freezes, 99)));
		for (List<ChangeCalendar.Entry> changes : List.of(entries, dense)) {
			LocalDate from = month.atDay(1);
			LocalDate to = month.plusMonths(1).atDay(1);
			long[] pairwise = time(() -> ChangeCalendarTests.pairwise(changes).size());
			long[] grouped = time(() -> CalendarConflicts.among(changes).size());
			long[] arranged = time(() -> ChangeCalendar.arrange("month", from, to, changes, List.of()).count());
			ChangeCalendar.Period now = ChangeCalendar.arrange("month", from, to, changes, List.of());
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("view", "month");
			was.put("from", from);
			was.put("to", to);
			was.put("changes", changes);
			was.put("freezeWindows", List.of());
			was.put("conflicts", now.conflicts());
			long[] jsonWas = time(() -> json.writeValueAsBytes(was).length);
			long[] jsonNow = time(() -> json.writeValueAsBytes(now).length);
			lines.add(("%d changes, %d conflicts: conflicts pairwise %.2f / %.2f ms, grouped %.2f / %.2f ms; "
					+ "arrangement %.2f / %.2f ms; JSON of every change %.2f / %.2f ms (%,d bytes), of each day's "
					+ "few %.2f / %.2f ms (%,d bytes, %d changes shown)").formatted(changes.size(),
							now.conflicts().size(), ms(pairwise, 50), ms(pairwise, 99), ms(grouped, 50),
							ms(grouped, 99), ms(arranged, 50), ms(arranged, 99), ms(jsonWas, 50), ms(jsonWas, 99),
							json.writeValueAsBytes(was).length, ms(jsonNow, 50), ms(jsonNow, 99),
							json.writeValueAsBytes(now).length, now.changes().size()));
		}
		return new Phases(lines);
	}

	private static Instant aMonthOn(Instant instant) {
		return instant.atZone(ChangeRegister.ZONE).plusMonths(1).toInstant();
	}

	/** The generated graph's items by kind. */
	private record Graph(List<Long> hubs, List<Long> hosts, List<Long> vms, List<Long> applications,
			Map<Long, String> labels) {
	}

	/** The CMDB graph of {@code CmdbBenchmark}, for the world's bureau. */
	private Graph graph(ChangeWorld world, String tag) {
		int hosts = Math.max(4, ITEMS / 50);
		int vms = ITEMS * 7 / 10;
		jdbc.sql("""
				insert into configuration_item (class_id, class_path, name, lifecycle, asset_tag, ip_address,
				  customer_unit_id, attributes)
				select c.id, c.path, ? || '-' || g, 'IN_USE', ? || '-T' || g,
				  '10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256,
				  case when g < 4 + ? then null else ? end, '{}'
				from generate_series(0, ? - 1) g
				join ci_class c on c.code = case when g < 4 then 'NETWORK_DEVICE' when g < 4 + ? then 'PHYSICAL_SERVER'
				  when g < 4 + ? + ? then 'VIRTUAL_MACHINE' else 'APPLICATION_SYSTEM' end
				order by g""")
			.params(tag, tag, hosts, world.bureau, ITEMS, hosts, hosts, vms).update();
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
		List<Long> hubs = new ArrayList<>();
		List<Long> hostIds = new ArrayList<>();
		List<Long> vmIds = new ArrayList<>();
		List<Long> apps = new ArrayList<>();
		Map<Long, String> labels = new HashMap<>();
		for (int g = 0; g < ITEMS; g++) {
			long id = base + g;
			(g < 4 ? hubs : g < 4 + hosts ? hostIds : g < 4 + hosts + vms ? vmIds : apps).add(id);
			labels.put(id, tag + "-" + g + "（" + tag + "-T" + g + "）");
		}
		return new Graph(hubs, hostIds, vmIds, apps, labels);
	}

	/** The generator's change contributor on the graph, chunk by chunk, as the generator runs it. */
	private void generate(ChangeWorld world, Graph graph, Instant anchor) {
		DatasetContext context = new DatasetContext();
		long agent = world.directory.userId(world.agent);
		long desk = world.directory.userId(world.manager);
		context.put("identity.agents", Map.of(world.providerParty, List.of(agent, desk)));
		context.put("identity.deskManagers", Map.of(world.providerParty, desk));
		context.put("identity.names", Map.of(agent, "坐席", desk, "服务台经理"));
		List<Long> ofBureau = new ArrayList<>(graph.vms());
		ofBureau.addAll(graph.applications());
		context.put("cmdb.itemsOfUnit", Map.of(world.bureau, ofBureau));
		Map<String, List<Long>> ofClass = new LinkedHashMap<>();
		ofClass.put("NETWORK_DEVICE", graph.hubs());
		ofClass.put("PHYSICAL_SERVER", graph.hosts());
		ofClass.put("VIRTUAL_MACHINE", graph.vms());
		ofClass.put("APPLICATION_SYSTEM", graph.applications());
		context.put("cmdb.itemsOfClass", ofClass);
		context.put("cmdb.infrastructure", graph.hosts());
		context.put("cmdb.hubs", graph.hubs());
		context.put("cmdb.itemLabels", graph.labels());
		DatasetPlan plan = new DatasetPlan(18, CHANGES * ChangeDataset.TICKETS_PER_CHANGE, CHUNK, anchor);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (int chunk = 0; chunk < dataset.chunks(plan); chunk++) {
			int c = chunk;
			transaction.executeWithoutResult(status -> dataset.generate(plan, c, context));
		}
	}

	private long get(String path, String token) {
		var response = keptApi().get(path, token);
		if (response.status() != 200) {
			throw new AssertionError(path + " " + response);
		}
		return response.body().length();
	}

	private static long[] time(LongSupplier work) {
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
