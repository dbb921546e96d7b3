package org.yunwei.ticket.internal.list;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service desk's figures (issue: "the service desk benchmark"): ticket creations per second through the REST
 * API at 1, 8 and 32 concurrent clients, and p50/p99 of agent queue pages with 1,000,000 tickets loaded; beside
 * them the raw PostgreSQL limit of the same run (the same number of ticket rows in one JDBC transaction, and
 * single-row insert transactions per second). Prints a table and one {@code BENCH {...}} line; asserts no timing.
 * <p>
 * Its tickets belong to a provider party of its own; their SLA clocks are deleted at the end (see {@link #cleanUp}).
 */
@Tag("benchmark")
class TicketBenchmark extends IntegrationTestSupport {

	/** {@code -Dbench.tickets=100000} for a quicker run while working on it. */
	private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
	/** {@code -Dbench.createOnly=true}: the creations and their raw figures alone, without the lists. */
	private static final boolean CREATE_ONLY = Boolean.getBoolean("bench.createOnly");
	/**
	 * {@code -Dbench.warmUpSeconds=60}: creations by 8 clients, not timed, before the timed ones, so that the JIT
	 * compiler has settled (JFR: on 2 cores its threads took about as much CPU as the requests during the first
	 * minute). 0 (the default) gives the figures comparable with the runs before 2026-11-24.
	 */
	private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 0);
	private static final int GROUPS = 50;
	private static final int UNITS = 200;
	private static final int SERVICES = 20;
	/** Loaded tickets assigned to the benchmark's agent: one in a thousand. */
	private static final int MINE_EVERY = 1_000;
	private static final int[] CLIENTS = { 1, 8, 32 };
	private static final Duration TIMED = Duration.ofSeconds(10);
	private static final int QUEUE_WARM_UP = 20;
	private static final int QUEUE_TIMED = 200;
	/** A combination stops being timed after this long (warm-up included), with at least 5 timed requests. */
	private static final Duration QUEUE_BUDGET = Duration.ofSeconds(15);
	private static final int DEEP_PAGE = 200;
	private static final String[] SUBJECTS = { "打印机无法打印", "邮箱无法登录", "办公网络中断", "VPN 连接失败",
			"办公电脑蓝屏", "政务云主机 CPU 告警", "视频会议系统无声音", "账号被锁定", "申请安装办公软件", "数据库备份失败" };

	@Autowired
	DataSource dataSource;

	@Autowired
	TicketSearch search;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JsonMapper json;

	private final Map<String, Object> figures = new LinkedHashMap<>();
	private final List<String> rows = new ArrayList<>();
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** The creating clients' threads, and the JDK HTTP client's own (its selector and workers). */
	private static final String CLIENT_THREADS = "bench-client-";
	private static final String HTTP_CLIENT_THREADS = "HttpClient-";

	private TicketFixtures world;
	private long agentId;
	private String agentToken;
	private long[] groups;
	private long[] units;
	private long[] services;
	/** The catalogue category of the services after the first: the list's category filter reads it. */
	private long category;
	/** A category whose one service nobody has opened a ticket about: the worst case of the category filter. */
	private long emptyCategory;

	@Test
	void serviceDesk() throws Exception {
		figure("postgres", jdbc.sql("""
				select version() || ' | ' || string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name)
				from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'work_mem',
				    'max_connections', 'effective_cache_size')""").query(String.class).single());
		world();
		load();
		rawSingleRowTransactions();
		rawSingleRowTransactionsWithoutRollup();
		int created = 0;
		warmUp(Duration.ofSeconds(WARM_UP_SECONDS));
		for (int clients : CLIENTS) {
			created = creations(clients, clients == 1 ? Duration.ofSeconds(5) : Duration.ofSeconds(3));
		}
		rawOneTransaction(created);
		tableAccessesPerCreation();
		if (!CREATE_ONLY) {
			queues();
			deepPages();
		}
		print();
	}

	/**
	 * Deletes the SLA clocks of the benchmark's tickets, so that a benchmark run after it in the same JVM (the SLA
	 * engine's counts every clock) is not affected. The tickets themselves stay: deleting a million rows took minutes,
	 * and the test JVM's database is thrown away with it.
	 */
	@AfterEach
	void cleanUp() {
		if (world == null) {
			return;
		}
		long start = System.nanoTime();
		long party = world.providerParty;
		jdbc.sql("""
				delete from sla_clock_event where clock_id in (select c.id from sla_clock c join ticket t
				    on c.subject_type = 'ticket' and c.subject_id = t.id::text where t.provider_party_id = ?)""")
			.param(party)
			.update();
		// the scheduler's deadline queue (sla V5) refers to the clocks
		jdbc.sql("""
				delete from sla_clock_due where clock_id in (select c.id from sla_clock c join ticket t
				    on c.subject_type = 'ticket' and c.subject_id = t.id::text where t.provider_party_id = ?)""")
			.param(party)
			.update();
		jdbc.sql("""
				delete from sla_clock_due where clock_id in (select c.id from sla_clock c join ticket t
				    on c.subject_type = 'ticket' and c.subject_id = t.id::text where t.provider_party_id = ?)""")
			.param(party)
			.update();
		jdbc.sql("""
				delete from sla_clock c using ticket t
				where c.subject_type = 'ticket' and c.subject_id = t.id::text and t.provider_party_id = ?""")
			.param(party)
			.update();
		System.out.printf("clean-up: %.1f s%n", seconds(System.nanoTime() - start));
	}

	// the world: a provider with 50 groups, a customer bureau with 200 units, 20 services, an SLA

	private void world() {
		world = new TicketFixtures(jdbc, api());
		TestDirectory directory = world.directory;
		agentId = world.userId(world.agent);
		agentToken = world.token(world.agent);
		groups = new long[GROUPS];
		for (int i = 0; i < GROUPS; i++) {
			groups[i] = jdbc.sql("""
					insert into ticket_group (code, name, party_id, lead_user_id) values (?, ?, ?, ?) returning id""")
				.params(TestDirectory.unique("Q-"), TestDirectory.unique("处理组"), world.providerParty,
						world.userId(world.lead))
				.query(Long.class)
				.single();
			jdbc.sql("insert into ticket_group_member (group_id, user_id) values (?, ?), (?, ?)")
				.params(groups[i], agentId, groups[i], world.userId(world.lead))
				.update();
		}
		units = new long[UNITS];
		for (int i = 0; i < UNITS; i++) {
			units[i] = directory.orgUnit(world.customerParty, world.bureau, "科室" + i);
		}
		services = new long[SERVICES];
		services[0] = world.service;
		category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '/') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("类别"))
			.query(Long.class)
			.single();
		jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(category).update();
		emptyCategory = jdbc.sql("""
				insert into catalog_category (code, name, path) values (?, ?, '/') returning id""")
			.params(TestDirectory.unique("C"), TestDirectory.unique("新类别"))
			.query(Long.class)
			.single();
		jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(emptyCategory).update();
		jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)""")
			.params(emptyCategory, TestDirectory.unique("S"), TestDirectory.unique("新服务"), world.providerUnit)
			.update();
		for (int i = 1; i < SERVICES; i++) {
			services[i] = jdbc.sql("""
					insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
					returning id""")
				.params(category, TestDirectory.unique("S"), TestDirectory.unique("运维服务"), world.providerUnit)
				.query(Long.class)
				.single();
			jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)")
				.params(services[i], world.bureau)
				.update();
		}
	}

	// 1,000,000 tickets over two years

	private void load() {
		long start = System.nanoTime();
		// a million rows go in faster without their secondary indexes, which are built again afterwards
		List<String[]> indexes = jdbc.sql("""
				select indexname, indexdef from pg_indexes
				where schemaname = current_schema() and tablename = 'ticket' and indexname <> 'ticket_pkey'""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		indexes.forEach(index -> jdbc.sql("drop index " + index[0]).update());
		// ids ascend with created_at (63 s apart over 730 days). The newest 15 % hold the open backlog (about 2,850
		// per group; 5 % of them already closed), the 2 % before them are resolved, the rest closed. Open tickets are
		// due between 3 days ago and 14 days ahead (pending ones have no due time: their clocks are paused). Group,
		// priority, customer unit, service and the rest come from hashes of the row number (h1..h3), so that they
		// are spread independently of each other and of the status.
		jdbc.sql("""
				insert into ticket (number, type, status, pending_reason, channel, subject, description, reporter_name,
				    reporter_contact, customer_org_unit_id, provider_party_id, service_id, impact, urgency, priority,
				    group_id, assignee_user_id, agreement_id, response_due_at, resolution_due_at, responded_at,
				    resolved_at, closed_at, resolution_code, resolution_text, created_at, updated_at)
				select case when r.h2 / 1600 % 5 = 0 then 'REQ' else 'INC' end || '-'
				        || to_char(s.created at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-B' || g,
				    case when r.h2 / 1600 % 5 = 0 then 'SERVICE_REQUEST' else 'INCIDENT' end, s.status,
				    case when s.status = 'PENDING' then 'CUSTOMER' end,
				    (array['PHONE', 'PORTAL', 'EMAIL', 'API', 'MONITORING'])[1 + r.h2 / 320 % 5],
				    case when g % 20000 = 0 then '机房 UPS 电池告警'
				         else (cast(? as text[]))[1 + r.h2 / 32 % 10] end || ' #' || g,
				    '用户报告：' || (cast(? as text[]))[1 + r.h2 / 32 % 10] || '，请尽快处理。', '报告人' || (g % 997),
				    '0731-8' || lpad((g % 1000000)::text, 6, '0'),
				    (cast(? as bigint[]))[1 + r.h1 / 1280 % ?], ?, (cast(? as bigint[]))[1 + r.h2 % ?],
				    p.impact, p.urgency, p.priority,
				    case when s.status = 'NEW' then null else (cast(? as bigint[]))[1 + r.h1 % ?] end,
				    case when s.status = 'NEW' then null
				         when r.h3 / 200 % ? = 7 then ?
				         when s.status = 'ASSIGNED' then null
				         else 1000000000 + g % 500 end,
				    ?, s.created + p.response,
				    case when s.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')
				         then now() - interval '3 days' + (r.h3 % 1021) * interval '1 day' * 17 / 1021 end,
				    case when s.status not in ('NEW', 'ASSIGNED') then s.created + p.response / 2 end,
				    case when s.status in ('RESOLVED', 'CLOSED') then s.created + p.resolution / 2 end,
				    case when s.status = 'CLOSED' then s.created + p.resolution end,
				    case when s.status in ('RESOLVED', 'CLOSED') then 'SOLVED' end,
				    case when s.status in ('RESOLVED', 'CLOSED') then '已处理' end,
				    s.created, s.created
				from generate_series(1, ?) g
				cross join lateral (select hashint4(g) & 2147483647 as h1, hashint4(g + 1000003) & 2147483647 as h2,
				    hashint4(g + 2000003) & 2147483647 as h3) r
				cross join lateral (select
				    now() - interval '730 days' + (g - 1) * interval '63 seconds' as created,
				    case when g > ? * 85 / 100 and r.h3 % 20 <> 0 then
				            (array['NEW', 'ASSIGNED', 'ASSIGNED', 'ASSIGNED', 'IN_PROGRESS', 'IN_PROGRESS',
				                   'IN_PROGRESS', 'IN_PROGRESS', 'PENDING', 'PENDING'])[1 + r.h3 / 20 % 10]
				         when g > ? * 83 / 100 then 'RESOLVED'
				         else 'CLOSED' end as status,
				    r.h1 / 64 % 20 as pick) s
				cross join lateral (select
				    case when s.pick = 0 then 1 when s.pick < 4 then 1 when s.pick < 14 then 2 else 3 end as impact,
				    case when s.pick = 0 then 1 when s.pick < 4 then 2 when s.pick < 14 then 2 else 3 end as urgency,
				    case when s.pick = 0 then 'P1' when s.pick < 4 then 'P2' when s.pick < 14 then 'P3' else 'P4' end
				        as priority,
				    case when s.pick = 0 then interval '15 minutes' when s.pick < 4 then interval '30 minutes'
				         when s.pick < 14 then interval '1 hour' else interval '2 hours' end as response,
				    case when s.pick = 0 then interval '4 hours' when s.pick < 4 then interval '8 hours'
				         when s.pick < 14 then interval '16 hours' else interval '40 hours' end as resolution) p""")
			.params(array(SUBJECTS), array(SUBJECTS), array(units), UNITS, world.providerParty, array(services),
					SERVICES, array(groups), GROUPS, MINE_EVERY, agentId, world.agreement, TICKETS, TICKETS, TICKETS)
			.update();
		long rows = System.nanoTime();
		indexes.forEach(index -> jdbc.sql(index[1]).update());
		long loaded = System.nanoTime();
		figure("loadRowsSeconds", round(seconds(rows - start), 1));
		figure("loadIndexesSeconds", round(seconds(loaded - rows), 1));
		jdbc.sql("analyze ticket").update();
		figure("loadAnalyzeSeconds", round(seconds(System.nanoTime() - loaded), 1));
		figure("openTickets", jdbc.sql("""
				select count(*) from ticket where provider_party_id = ?
				and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')""")
			.param(world.providerParty)
			.query(Long.class)
			.single());
	}

	// raw PostgreSQL

	private void rawSingleRowTransactions() throws SQLException {
		figure("pgSingleRowInsertTxPerSecond", singleRowInsertsPerSecond("RAW1-"));
	}

	/**
	 * The same without the daily rollup's triggers (statistics, {@code ticket/V9}), for what they add to each insert.
	 * Their rows are removed with the triggers still off, so that the rollup still agrees with the tickets.
	 */
	private void rawSingleRowTransactionsWithoutRollup() throws SQLException {
		jdbc.sql("alter table ticket disable trigger ticket_volume_inserted, disable trigger ticket_volume_deleted")
			.update();
		try {
			figure("pgSingleRowInsertTxPerSecondWithoutRollup", singleRowInsertsPerSecond("RAW0-"));
			jdbc.sql("delete from ticket where number like 'RAW0-%'").update();
		}
		finally {
			jdbc.sql("alter table ticket enable trigger ticket_volume_inserted, enable trigger ticket_volume_deleted")
				.update();
		}
	}

	private long singleRowInsertsPerSecond(String numberPrefix) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (PreparedStatement insert = connection.prepareStatement(RAW_INSERT)) {
				int n = 0;
				long start = System.nanoTime();
				long end = start + 3_000_000_000L;
				while (System.nanoTime() < end) {
					bindRaw(insert, numberPrefix + (++n));
					insert.executeUpdate();
				}
				return Math.round(n / seconds(System.nanoTime() - start));
			}
		}
	}

	/** The ticket rows of {@code count} creations written in one JDBC transaction (batched), without HTTP. */
	private void rawOneTransaction(int count) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			long start = System.nanoTime();
			try (PreparedStatement insert = connection.prepareStatement(RAW_INSERT)) {
				for (int i = 1; i <= count; i++) {
					bindRaw(insert, "RAWN-" + i);
					insert.addBatch();
					if (i % 1_000 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			connection.commit();
			double elapsed = seconds(System.nanoTime() - start);
			figure("pgOneTxRows", count);
			figure("pgOneTxSeconds", round(elapsed, 2));
			figure("pgOneTxRowsPerSecond", Math.round(count / elapsed));
		}
	}

	private static final String RAW_INSERT = """
			insert into ticket (number, type, status, channel, subject, description, reporter_name, reporter_contact,
			    customer_org_unit_id, provider_party_id, service_id, impact, urgency, priority, group_id, agreement_id,
			    response_due_at, resolution_due_at, created_at, updated_at)
			values (?, 'INCIDENT', 'ASSIGNED', 'PHONE', ?, ?, '张三', '0731-88888888', ?, ?, ?, 2, 2, 'P3', ?, ?, ?, ?,
			    ?, ?)""";

	private int rawSequence;

	private void bindRaw(PreparedStatement insert, String number) throws SQLException {
		int i = rawSequence++;
		Instant now = Instant.now();
		insert.setString(1, number);
		insert.setString(2, SUBJECTS[i % SUBJECTS.length] + " raw");
		insert.setString(3, "用户报告：打印机显示脱机，请尽快处理。");
		insert.setLong(4, units[i % UNITS]);
		insert.setLong(5, world.providerParty);
		insert.setLong(6, world.service);
		insert.setLong(7, groups[i % GROUPS]);
		insert.setLong(8, world.agreement);
		insert.setTimestamp(9, Timestamp.from(now.plusSeconds(3_600)));
		insert.setTimestamp(10, Timestamp.from(now.plusSeconds(57_600)));
		insert.setTimestamp(11, Timestamp.from(now));
		insert.setTimestamp(12, Timestamp.from(now));
	}

	// creations through the REST API

	/** Creates tickets with 8 clients for a while, timing nothing. */
	private void warmUp(Duration duration) throws Exception {
		if (duration.isZero()) {
			return;
		}
		long end = System.nanoTime() + duration.toNanos();
		AtomicInteger sequence = new AtomicInteger(1_000_000);
		AtomicInteger made = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int c = 0; c < 8; c++) {
				pool.submit(() -> {
					while (System.nanoTime() < end) {
						if (send(post("/api/v1/tickets", creation(sequence.incrementAndGet()))).statusCode() == 201) {
							made.incrementAndGet();
						}
					}
				});
			}
		}
		figure("warmUpSeconds", duration.toSeconds());
		figure("warmUpCreations", made.get());
	}

	/** Creations per second with {@code clients} concurrent clients; answers how many were made in the window. */
	private int creations(int clients, Duration warmUp) throws Exception {
		AtomicInteger sequence = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		long timedStart = System.nanoTime() + warmUp.toNanos();
		long timedEnd = timedStart + TIMED.toNanos();
		List<Future<List<Long>>> results = new ArrayList<>();
		LockSampler sampler = new LockSampler(timedStart, timedEnd);
		Future<double[]> waiting;
		try (ExecutorService pool = Executors.newFixedThreadPool(clients + 1,
				Thread.ofPlatform().name(CLIENT_THREADS, 0).factory())) {
			waiting = pool.submit(sampler::run);
			for (int c = 0; c < clients; c++) {
				results.add(pool.submit(() -> {
					List<Long> latencies = new ArrayList<>();
					while (System.nanoTime() < timedEnd) {
						int n = sequence.incrementAndGet();
						long begin = System.nanoTime();
						HttpResponse<String> response = send(post("/api/v1/tickets", creation(n)));
						long finish = System.nanoTime();
						if (response.statusCode() != 201) {
							errors.incrementAndGet();
							firstError.compareAndSet(null, response.statusCode() + " " + response.body());
						}
						else if (begin >= timedStart && finish <= timedEnd) {
							latencies.add(finish - begin);
						}
					}
					return latencies;
				}));
			}
		}
		List<Long> all = new ArrayList<>();
		double[] lockFigures = waiting.get();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		double[] millis = all.stream().mapToDouble(TicketBenchmark::millis).sorted().toArray();
		String prefix = "create" + clients + "Clients";
		figure(prefix + "PerSecond", Math.round(millis.length / seconds(TIMED.toNanos())));
		figure(prefix + "P50Ms", round(percentile(millis, 50), 1));
		figure(prefix + "P95Ms", round(percentile(millis, 95), 1));
		figure(prefix + "P99Ms", round(percentile(millis, 99), 1));
		figure(prefix + "Errors", errors.get());
		figure(prefix + "ActiveBackends", round(lockFigures[0], 1));
		figure(prefix + "WaitingForNumber", round(lockFigures[1], 2));
		// CPU time per creation answered in the window: counts the work, not the wait for a core that other
		// processes on a shared machine hold
		figure(prefix + "JvmCpuMsPerCreation", round(lockFigures[2] / 1e6 / Math.max(1, millis.length), 2));
		figure(prefix + "PgCpuMsPerCreation", round(lockFigures[3] / 1e6 / Math.max(1, millis.length), 2));
		figure(prefix + "ClientCpuMsPerCreation", round(lockFigures[4] / 1e6 / Math.max(1, millis.length), 2));
		if (firstError.get() != null) {
			System.out.println("  first error: " + firstError.get());
		}
		return millis.length;
	}

	/**
	 * Samples {@code pg_stat_activity} every 20 ms of the timed window: how many of the application's connections
	 * are busy, and how many of them wait for the lock of the ticket number counter row. Also the CPU time the
	 * window took in this JVM (the application and the benchmark's clients), in the benchmark's clients alone (their
	 * threads and the HTTP client's) and in the PostgreSQL server (when it runs on this machine: its postmaster's and
	 * all its processes' times from {@code /proc}), in nanoseconds.
	 */
	private final class LockSampler {

		private final long from;
		private final long to;

		LockSampler(long from, long to) {
			this.from = from;
			this.to = to;
		}

		double[] run() throws Exception {
			long samples = 0;
			long active = 0;
			long waiting = 0;
			long jvmCpu;
			long clientCpu;
			long pgCpu;
			long postmaster;
			try (Connection connection = java.sql.DriverManager.getConnection(
					org.yunwei.support.TestDatabase.url());
					PreparedStatement query = connection.prepareStatement("""
							select count(*) filter (where state = 'active'),
							    count(*) filter (where state = 'active' and wait_event_type = 'Lock'
							        and query like '%ticket_number_counter%')
							from pg_stat_activity where application_name = 'yunwei'""")) {
				postmaster = ServerCpu.postmasterOf(connection);
				while (System.nanoTime() < from) {
					Thread.sleep(5);
				}
				jvmCpu = ServerCpu.jvmNanos();
				clientCpu = ServerCpu.threadNanos(CLIENT_THREADS, HTTP_CLIENT_THREADS);
				pgCpu = ServerCpu.nanos(postmaster);
				while (System.nanoTime() < to) {
					try (var rs = query.executeQuery()) {
						rs.next();
						active += rs.getLong(1);
						waiting += rs.getLong(2);
						samples++;
					}
					Thread.sleep(20);
				}
			}
			double jvm = ServerCpu.jvmNanos() - jvmCpu;
			double clients = ServerCpu.threadNanos(CLIENT_THREADS, HTTP_CLIENT_THREADS) - clientCpu;
			double pg = postmaster < 0 ? Double.NaN : ServerCpu.nanos(postmaster) - pgCpu;
			return new double[] { active / (double) samples, waiting / (double) samples, jvm, pg, clients };
		}
	}

	private Map<String, Object> creation(int n) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", n % 5 == 0 ? "SERVICE_REQUEST" : "INCIDENT");
		body.put("subject", SUBJECTS[n % SUBJECTS.length] + " bench-" + n);
		body.put("description", "用户来电：" + SUBJECTS[n % SUBJECTS.length] + "，影响本科室办公，请尽快处理。");
		body.put("customerOrgUnitId", units[n % UNITS]);
		body.put("reporterName", "报告人" + n % 997);
		body.put("reporterContact", "0731-8" + String.format("%06d", n % 1_000_000));
		body.put("channel", "PHONE");
		body.put("serviceId", world.service);
		body.put("impact", 1 + n % 3);
		body.put("urgency", 1 + n / 3 % 3);
		body.put("groupId", groups[n % GROUPS]);
		return body;
	}

	/**
	 * What one creation costs PostgreSQL, from its statistics views: transactions, and per table index and sequential
	 * scans and rows written. Backends report their counts when idle, within about 10 s: hence the waits.
	 */
	private void tableAccessesPerCreation() throws Exception {
		int count = 200;
		sleep(Duration.ofSeconds(11));
		Map<String, long[]> before = tableCounts();
		for (int i = 0; i < count; i++) {
			HttpResponse<String> response = send(post("/api/v1/tickets", creation(i)));
			if (response.statusCode() != 201) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
		}
		sleep(Duration.ofSeconds(11));
		Map<String, long[]> after = tableCounts();
		System.out.println("PostgreSQL per creation (" + count + " sequential creations):");
		System.out.println("  table                        idx_scan  seq_scan  inserted  updated  deleted");
		double scans = 0;
		for (var entry : after.entrySet()) {
			long[] a = entry.getValue();
			long[] b = before.getOrDefault(entry.getKey(), new long[a.length]);
			double[] d = new double[a.length];
			boolean any = false;
			for (int k = 0; k < a.length; k++) {
				d[k] = (a[k] - b[k]) / (double) count;
				any |= d[k] >= 0.01;
			}
			if (any && !entry.getKey().equals("(transactions)")) {
				scans += d[0] + d[1];
				System.out.printf("  %-28s %8.2f  %8.2f  %8.2f  %7.2f  %7.2f%n", entry.getKey(), d[0], d[1], d[2], d[3],
						d[4]);
			}
		}
		long[] a = after.get("(transactions)");
		long[] b = before.get("(transactions)");
		figure("perCreationCommits", round((a[0] - b[0]) / (double) count, 2));
		figure("perCreationTableScans", round(scans, 1));
	}

	private Map<String, long[]> tableCounts() {
		Map<String, long[]> counts = new TreeMap<>();
		jdbc.sql("""
				select relname, coalesce(idx_scan, 0), coalesce(seq_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
				from pg_stat_user_tables""")
			.query((rs, n) -> counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6) }))
			.list();
		counts.put("(transactions)", new long[] { jdbc.sql(
				"select xact_commit from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single(), 0, 0, 0, 0 });
		return counts;
	}

	private static void sleep(Duration duration) throws InterruptedException {
		Thread.sleep(duration);
	}

	// agent queues through the REST API

	private record Combination(String name, Map<String, String> params) {

		String path() {
			return "/api/v1/tickets?" + params.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}
	}

	private List<Combination> combinations(int i) {
		String group = String.valueOf(groups[i % GROUPS]);
		String unit = String.valueOf(units[i % UNITS]);
		String someNumber = jdbc.sql("""
				select number from ticket where provider_party_id = ? and id <= (select max(id) from ticket) - ?
				order by id desc limit 1""")
			.params(world.providerParty, 1_000 + i * 7919 % Math.max(1, TICKETS / 2))
			.query(String.class)
			.single();
		return List.of(
				new Combination("group, open, by due", params("groupId", group, "status", "open", "sort", "due")),
				new Combination("group, new+assigned, by due",
						params("groupId", group, "status", "NEW,ASSIGNED", "sort", "due")),
				new Combination("group, in progress, by due",
						params("groupId", group, "status", "IN_PROGRESS", "sort", "due")),
				new Combination("group, pending (no due)", params("groupId", group, "status", "PENDING", "sort", "due")),
				new Combination("group, unassigned, open, by due",
						params("groupId", group, "assignee", "none", "status", "open", "sort", "due")),
				new Combination("group, open, P1+P2, by due",
						params("groupId", group, "status", "open", "priority", "P1,P2", "sort", "due")),
				new Combination("group, overdue, by due",
						params("groupId", group, "status", "open", "overdue", "true", "sort", "due")),
				new Combination("assignee me, open, by due", params("assignee", "me", "status", "open", "sort", "due")),
				new Combination("all open, by due", params("status", "open", "sort", "due")),
				new Combination("all overdue, by due", params("status", "open", "overdue", "true", "sort", "due")),
				new Combination("P1, open, by due", params("priority", "P1", "status", "open", "sort", "due")),
				new Combination("customer unit, open, by due",
						params("customerOrgUnitId", unit, "status", "open", "sort", "due")),
				new Combination("customer unit, newest", params("customerOrgUnitId", unit)),
				new Combination("all, newest", params()),
				new Combination("text, common word, newest", params("q", "打印机")),
				new Combination("text, rare words, newest", params("q", "UPS 电池")),
				new Combination("number", params("q", someNumber)),
				new Combination("created last 30 days, newest", params("createdFrom", daysAgo(30), "createdTo",
						daysAgo(0))),
				new Combination("created a year ago, newest", params("createdFrom", daysAgo(365), "createdTo",
						daysAgo(335))),
				new Combination("open, created last 30 days, by due", params("status", "open", "createdFrom",
						daysAgo(30), "createdTo", daysAgo(0), "sort", "due")),
				new Combination("catalogue category, newest", params("categoryId", String.valueOf(category))),
				new Combination("category without tickets, newest", params("categoryId",
						String.valueOf(emptyCategory))),
				// the text filter's other kinds of text: a common phrase of five bigrams (which PostgreSQL's estimate
				// takes for rare), texts in about 1 % and 0.1 % of the subjects ("#12", "#123" of the row numbers),
				// rare words in a group's queue, and one rare character (its own key in the subjects' index, V11)
				new Combination("text, common phrase, newest", params("q", "办公网络中断")),
				new Combination("text, in 1 % (#12), newest", params("q", "#12")),
				new Combination("text, in 0.1 % (#123), newest", params("q", "#123")),
				new Combination("text, rare words, group open by due",
						params("groupId", group, "status", "open", "sort", "due", "q", "UPS 电池")),
				new Combination("text, one rare character, newest", params("q", "池")));
	}

	private static String daysAgo(int days) {
		return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(days).toString();
	}

	private static Map<String, String> params(String... keysAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}

	private void queues() {
		int count = combinations(0).size();
		Map<String, double[]> samples = new LinkedHashMap<>();
		Map<String, Integer> sizes = new TreeMap<>();
		for (int c = 0; c < count; c++) {
			double[] times = new double[QUEUE_TIMED];
			String name = null;
			int timed = 0;
			long budgetEnd = System.nanoTime() + QUEUE_BUDGET.toNanos();
			for (int i = -QUEUE_WARM_UP; i < QUEUE_TIMED && (i < 5 || System.nanoTime() < budgetEnd); i++) {
				Combination combination = combinations(Math.max(i, 0) * 13 + c).get(c);
				name = combination.name();
				long begin = System.nanoTime();
				HttpResponse<String> response = send(get(combination.path()));
				long elapsed = System.nanoTime() - begin;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(combination.path() + ": " + response.statusCode() + " "
							+ response.body());
				}
				if (i >= 0) {
					times[i] = millis(elapsed);
					timed = i + 1;
				}
				if (i == 0) {
					sizes.put(name, json.readTree(response.body()).get("items").size());
				}
			}
			times = Arrays.copyOf(times, timed);
			Arrays.sort(times);
			samples.put(name, times);
			System.out.printf("  %-34s p50 %7.1f ms   p99 %7.1f ms   (%d requests)%n", name, percentile(times, 50),
					percentile(times, 99), timed);
		}
		double worstP99 = 0;
		String worst = null;
		int index = 0;
		for (var sample : samples.entrySet()) {
			double p50 = percentile(sample.getValue(), 50);
			double p99 = percentile(sample.getValue(), 99);
			rows.add(String.format("  %-34s p50 %7.1f ms   p99 %7.1f ms   (%d rows, %d requests)", sample.getKey(),
					p50, p99, sizes.get(sample.getKey()), sample.getValue().length));
			figure("queue" + (++index) + "P50Ms", round(p50, 1));
			figure("queue" + index + "P99Ms", round(p99, 1));
			if (p99 > worstP99) {
				worstP99 = p99;
				worst = sample.getKey();
			}
		}
		figure("queueWorstP99Ms", round(worstP99, 1));
		figure("queueWorst", worst);
		String worstName = worst;
		explain(combinations(0).stream().filter(c -> c.name().equals(worstName)).findFirst().orElseThrow(),
				"queueWorstPlan", "the slowest queue");
		// the list's day ranges and catalogue category: which index serves their first page
		int narrowed = 0;
		for (Combination combination : combinations(0)) {
			if (combination.params().containsKey("createdFrom") || combination.params().containsKey("categoryId")) {
				explain(combination, "narrowedPlan" + (++narrowed), "a narrowed list");
			}
		}
		// the text filter: its first stretch in list order, and the subjects' index's statement it turns to if rare
		int text = 0;
		for (Combination combination : combinations(0)) {
			if (combination.name().startsWith("text")) {
				explain(combination, "textPlan" + (++text), "a text filter");
			}
		}
	}

	/** Follows the cursor {@value #DEEP_PAGE} - 1 times and times the next page, three walks per list. */
	private void deepPages() {
		List<Combination> lists = List.of(new Combination("all open, by due", params("status", "open", "sort", "due")),
				new Combination("group, all, newest", params("groupId", String.valueOf(groups[3]))));
		int index = 0;
		for (Combination list : lists) {
			index++;
			// a group holds TICKETS / GROUPS tickets: 200 pages of 50 with a million loaded, fewer with fewer
			int depth = list.name().startsWith("group") ? Math.min(DEEP_PAGE, TICKETS / GROUPS / 100) : DEEP_PAGE;
			double[] last = new double[3];
			double walkMillis = 0;
			for (int walk = 0; walk < last.length; walk++) {
				String cursor = null;
				long walkStart = System.nanoTime();
				for (int page = 1; page <= depth; page++) {
					String path = list.path() + (cursor == null ? "" : "&cursor=" + cursor);
					long begin = System.nanoTime();
					HttpResponse<String> response = send(get(path));
					long elapsed = System.nanoTime() - begin;
					JsonNode body = json.readTree(response.body());
					if (response.statusCode() != 200 || body.get("next") == null || body.get("next").isNull()) {
						throw new IllegalStateException("page " + page + " of " + list.name() + ": " + response.body());
					}
					cursor = body.get("next").asString();
					if (page == depth) {
						last[walk] = millis(elapsed);
					}
				}
				walkMillis += millis(System.nanoTime() - walkStart);
			}
			Arrays.sort(last);
			rows.add(String.format("  page %d of %-24s %s ms (3 walks), %.1f ms per page on the way", depth,
					list.name(), Arrays.stream(last).mapToObj(v -> String.format("%.1f", v))
						.collect(Collectors.joining(" / ")),
					walkMillis / (last.length * depth)));
			figure("page" + depth + "List" + index + "MedianMs", round(last[1], 1));
			figure("page" + depth + "List" + index + "MaxMs", round(last[2], 1));
		}
	}

	private void explain(Combination combination, String figure, String what) {
		Map<String, String> p = combination.params();
		String assignee = p.get("assignee");
		Long assigneeId = assignee == null ? null
				: assignee.equals("me") ? agentId : assignee.equals("none") ? TicketQuery.UNASSIGNED : null;
		TicketQuery query = TicketQuery.of(p.get("status"), null, p.get("priority"), longOrNull(p.get("groupId")),
				assigneeId, longOrNull(p.get("customerOrgUnitId")), null, null, null,
				p.get("overdue") == null ? null : Boolean.valueOf(p.get("overdue")), null, p.get("q"), p.get("sort"),
				null, null, new TicketQuery.Narrowing(p.get("createdFrom"), p.get("createdTo"), null, null, null, null,
						null, null, p.get("categoryId"), null, null), java.time.ZoneId.of("Asia/Shanghai"));
		if (query.sort() == TicketQuery.Sort.CREATED) {
			explain(combination, query, TicketSearch.Part.CREATED, figure, what);
			return;
		}
		explain(combination, query, TicketSearch.Part.DUE, figure, what);
		// the part without due times (pending tickets) is read when the due part does not fill the page: with a rare
		// text, every time
		if (query.q() != null) {
			explain(combination, query, TicketSearch.Part.NO_DUE, figure + "NoDue", what);
		}
	}

	private void explain(Combination combination, TicketQuery query, TicketSearch.Part part, String figure,
			String what) {
		List<TicketSearch.Statement> statements = search.statements(query,
				new DataScope(PartyKind.PROVIDER, world.providerParty, Set.of()), part, query.limit() + 1);
		if (statements.size() == 1) {
			explain(statements.getFirst(), figure, what + ", " + combination.name() + " (" + part + " part)");
			return;
		}
		// a filter without an index in list order: the list is read in order first, the filter's index if it is rare
		explain(statements.get(0), figure + "Stretch", what + ", " + combination.name() + " (" + part
				+ " part, the first stretch in list order)");
		explain(statements.get(1), figure + "Rare", what + ", " + combination.name() + " (" + part
				+ " part, for a rare filter)");
	}

	private void explain(TicketSearch.Statement statement, String figure, String what) {
		List<String> plan = new ArrayList<>();
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> jdbc
			.sql("explain (analyze, buffers) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.list()
			.forEach(plan::add));
		System.out.println("EXPLAIN (ANALYZE, BUFFERS) of " + what + ":");
		plan.forEach(line -> System.out.println("  " + line));
		figure(figure, String.join(" | ", plan));
	}

	private static Long longOrNull(String value) {
		return value == null ? null : Long.valueOf(value);
	}

	// HTTP

	private HttpRequest post(String path, Object body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + agentToken)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + agentToken)
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	// output

	/** Keeps a figure for the table and prints it at once, so that a run cut short still tells what it measured. */
	private void figure(String name, Object value) {
		figures.put(name, value);
		if (!(value instanceof String text && text.length() > 80)) {
			System.out.printf("  %-34s %s%n", name, value);
		}
	}

	private void print() {
		System.out.println();
		System.out.println("Service desk benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, "
				+ TICKETS + " tickets loaded)");
		figures.forEach((name, value) -> {
			if (!name.contains("Plan") && !name.equals("postgres")) {
				System.out.printf("  %-34s %s%n", name, value);
			}
		});
		System.out.println("Queues (one client, " + QUEUE_TIMED + " requests each after " + QUEUE_WARM_UP
				+ " warm-up):");
		rows.forEach(System.out::println);
		System.out.println("BENCH " + json.writeValueAsString(Map.of("benchmark", "tickets", "figures", figures)));
	}

	private static String array(String[] values) {
		return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "{", "}"));
	}

	private static String array(long[] values) {
		return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static double percentile(double[] sorted, int percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}
}
