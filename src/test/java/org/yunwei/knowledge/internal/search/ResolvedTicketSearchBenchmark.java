package org.yunwei.knowledge.internal.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * The 日常问题查询库 (issue 17): {@code -Dknowledge.benchmark.tickets} resolved and closed tickets (default
 * 1,000,000, the city's count; run smaller with e.g. {@code 100000}) written by one SQL statement from realistic
 * templates (device, fault, what was done), spread over 8 providers and 40 customer units, then the full rebuild of the
 * index through the same keyset pages as the administration's rebuild, and search p50/p99 with highlighting for a
 * provider's agent (an eighth of the tickets in scope) and for management (all of them), at 1 and 16 searchers, the
 * second page by cursor, and beside them a raw PostgreSQL {@code ilike} over subject and resolution in the agent's
 * scope. Prints a table and a {@code BENCH} line; asserts no timing.
 */
@Tag("benchmark")
class ResolvedTicketSearchBenchmark extends IntegrationTestSupport {

	private static final int TICKETS = Integer.getInteger("knowledge.benchmark.tickets", 1_000_000);
	private static final int PROVIDERS = 8;
	private static final int UNITS = 40;
	private static final int SEARCHES = 400;
	private static final int THREADS = 16;
	private static final List<String> QUERIES = List.of("打印机无法连接", "VPN 连接超时", "蓝屏", "网络", "慢",
			"服务器磁盘空间不足", "邮件系统无法登录", "OA 系统登录失败", "扫描仪", "存储阵列硬盘", "无线网络频繁掉线",
			"驱动安装失败");
	private static final String RAW = """
			select id, number, subject from ticket where status in ('RESOLVED', 'CLOSED') and provider_party_id = ?
			and (subject ilike ? or resolution_text ilike ?) order by id desc limit 10""";

	@Autowired
	ResolvedTicketSearch search;

	@Autowired
	ResolvedTicketFollower follower;

	@Autowired
	ApplicationContext context;

	@Test
	void resolvedTicketSearch() throws Exception {
		TestDirectory directory = new TestDirectory(jdbc);
		long[] providers = new long[PROVIDERS];
		long firstProviderUnit = 0;
		for (int i = 0; i < PROVIDERS; i++) {
			providers[i] = directory.party("PROVIDER", TestDirectory.unique("基准运维公司"));
			long unit = directory.orgUnit(providers[i], null, "服务台");
			if (i == 0) {
				firstProviderUnit = unit;
			}
		}
		long[] units = new long[UNITS];
		for (int i = 0; i < UNITS; i++) {
			long party = i % 10 == 0 ? directory.party("CUSTOMER", TestDirectory.unique("基准委办局"))
					: jdbc.sql("select party_id from org_unit where id = ?").param(units[i - i % 10]).query(Long.class)
						.single();
			units[i] = directory.orgUnit(party, null, TestDirectory.unique("科室"));
		}
		long agent = directory.userId(directory.user(firstProviderUnit, "SERVICE_DESK_AGENT"));
		long manager = directory.userId(directory.user(managementUnit(), "SERVICE_MANAGER"));

		long fillStart = System.nanoTime();
		fill(providers, units);
		double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
		long rebuildStart = System.nanoTime();
		int indexed = follower.rebuild();
		double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
		Runtime runtime = Runtime.getRuntime();
		long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

		long[] agentOne;
		long[] agentMany;
		double perSecond;
		long[] nextPage;
		try (SignedIn signedIn = SignedIn.as(context, agent)) {
			for (int i = 0; i < 100; i++) {
				search.search(QUERIES.get(i % QUERIES.size()), 10, null);
			}
			agentOne = oneSearcher();
			nextPage = new long[SEARCHES];
			for (int i = 0; i < SEARCHES; i++) {
				String q = QUERIES.get(i % QUERIES.size());
				String next = search.search(q, 10, null).next();
				long start = System.nanoTime();
				if (next != null) {
					search.search(q, 10, next);
				}
				nextPage[i] = System.nanoTime() - start;
			}
		}
		long concurrentStart = System.nanoTime();
		agentMany = manySearchers(agent);
		perSecond = agentMany.length / ((System.nanoTime() - concurrentStart) / 1e9);
		long[] managerOne;
		try (SignedIn signedIn = SignedIn.as(context, manager)) {
			managerOne = oneSearcher();
		}
		long[] raw = new long[SEARCHES];
		for (int i = 0; i < SEARCHES; i++) {
			String like = "%" + QUERIES.get(i % QUERIES.size()) + "%";
			long start = System.nanoTime();
			jdbc.sql(RAW).params(providers[0], like, like).query().listOfRows();
			raw[i] = System.nanoTime() - start;
		}
		Arrays.sort(agentOne);
		Arrays.sort(agentMany);
		Arrays.sort(managerOne);
		Arrays.sort(nextPage);
		Arrays.sort(raw);
		System.out.printf("resolved-ticket search over %d indexed tickets (%d generated, fill %.0f s, rebuild %.1f s, "
				+ "heap after rebuild %d MB)%n", indexed, TICKETS, fillSeconds, rebuildSeconds, heapMb);
		System.out.printf("  agent, 1 searcher        p50 %.2f ms  p99 %.2f ms%n", ms(agentOne, 50), ms(agentOne, 99));
		System.out.printf("  agent, %d searchers      p50 %.2f ms  p99 %.2f ms  %.0f searches/s%n", THREADS,
				ms(agentMany, 50), ms(agentMany, 99), perSecond);
		System.out.printf("  agent, next page         p50 %.2f ms  p99 %.2f ms%n", ms(nextPage, 50), ms(nextPage, 99));
		System.out.printf("  management, 1 searcher   p50 %.2f ms  p99 %.2f ms%n", ms(managerOne, 50),
				ms(managerOne, 99));
		System.out.printf("  raw SQL ilike (agent)    p50 %.2f ms  p99 %.2f ms%n", ms(raw, 50), ms(raw, 99));
		System.out.printf("BENCH {\"resolvedTickets\": %d, \"resolvedTicketRebuildSeconds\": %.1f, "
				+ "\"resolvedTicketSearchP50Ms\": %.2f, \"resolvedTicketSearchP99Ms\": %.2f, "
				+ "\"resolvedTicketSearch16P99Ms\": %.2f, \"resolvedTicketSearchesPerSecond\": %.0f, "
				+ "\"resolvedTicketNextPageP99Ms\": %.2f, \"resolvedTicketManagementP99Ms\": %.2f, "
				+ "\"resolvedTicketRawP99Ms\": %.2f}%n", indexed, rebuildSeconds, ms(agentOne, 50), ms(agentOne, 99),
				ms(agentMany, 99), perSecond, ms(nextPage, 99), ms(managerOne, 99), ms(raw, 99));
	}

	private long[] oneSearcher() {
		long[] times = new long[SEARCHES];
		for (int i = 0; i < SEARCHES; i++) {
			long start = System.nanoTime();
			search.search(QUERIES.get(i % QUERIES.size()), 10, null);
			times[i] = System.nanoTime() - start;
		}
		return times;
	}

	private long[] manySearchers(long userId) throws Exception {
		long[] times = new long[SEARCHES * THREADS];
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					try (SignedIn signedIn = SignedIn.as(context, userId)) {
						for (int i = 0; i < SEARCHES; i++) {
							long start = System.nanoTime();
							search.search(QUERIES.get((i + thread) % QUERIES.size()), 10, null);
							times[thread * SEARCHES + i] = System.nanoTime() - start;
						}
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		return times;
	}

	/** The tickets in one statement: subjects, descriptions and resolutions from templates, 90 % finished. */
	private void fill(long[] providers, long[] units) {
		jdbc.sql("""
				insert into ticket (number, type, status, channel, subject, description, reporter_name,
				  customer_org_unit_id, provider_party_id, configuration_item, category, impact, urgency, priority,
				  resolution_code, resolution_text, resolved_at, closed_at, created_at, updated_at)
				select 'RTB-' || g, case when g % 10 < 7 then 'INCIDENT' else 'SERVICE_REQUEST' end,
				  case when g % 10 = 9 then 'IN_PROGRESS' when g % 10 < 3 then 'RESOLVED' else 'CLOSED' end,
				  'PORTAL', d.device || f.fault,
				  (array['办公室', '财务科', '人事科', '信息中心', '档案室'])[1 + g % 5] || '反映' || d.device || f.fault
				    || '，影响日常办公，已尝试重启仍无效。'
				    || (array['早上开机后出现。', '下午开会前突然出现。', '更新补丁后出现。', '多人同时反映。'])[1 + g / 7 % 4],
				  '张三', (cast(? as bigint[]))[1 + (g * 7) % ?], (cast(? as bigint[]))[1 + g % ?],
				  d.device || '-' || (g % 500), (array['硬件故障', '软件故障', '网络故障', '账号权限'])[1 + g / 3 % 4],
				  2, 2, 'P3', case when g % 10 = 9 then null else 'SOLVED' end,
				  case when g % 10 = 9 then null else (array['重新安装驱动后恢复正常。', '更换网线并重新配置 IP 地址。',
				    '清理磁盘空间并重启服务。', '更新客户端证书后连接恢复。', '重置账号密码并解除锁定。', '升级固件版本后恢复。',
				    '更换电源适配器。', '调整防火墙策略放行端口。', '清理浏览器缓存后访问恢复。', '更换硬盘并重建阵列。'])
				    [1 + (g / 11) % 10] end,
				  case when g % 10 = 9 then null else now() - (g % 1000) * interval '1 hour' end,
				  case when g % 10 between 3 and 8 then now() - (g % 1000) * interval '1 hour' + interval '1 day' end,
				  now() - (g % 1000) * interval '1 hour' - interval '2 hours', now()
				from generate_series(1, ?) g
				cross join lateral (select (array['打印机', '复印机', '扫描仪', '显示器', '笔记本电脑', '台式机', '交换机',
				  '路由器', '无线网络', 'VPN 客户端', 'OA 系统', '邮件系统', '财务系统', '视频会议终端', '投影仪', '服务器',
				  '存储阵列', '数据库', '门户网站', '电子公文系统'])[1 + (g + (g / 20)) % 20] as device) d
				cross join lateral (select (array['无法连接', '连接失败', '运行很慢', '频繁掉线', '无法登录', '蓝屏死机',
				  '提示脱机', '无法启动', '报错退出', '磁盘空间不足'])[1 + (g / 20) % 10] as fault) f""")
			.params(array(units), units.length, array(providers), providers.length, TICKETS)
			.update();
		jdbc.sql("analyze ticket").update();
	}

	private long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
	}

	private static String array(long[] ids) {
		return Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static double ms(long[] sorted, int percentile) {
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}
}
