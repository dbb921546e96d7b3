package org.yunwei.change.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.change.internal.ChangeRequest.AffectedItem;
import org.yunwei.change.internal.ChangeRequest.PlanStep;
import org.yunwei.dataset.CopyRows;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;

/**
 * The city's changes (变更) over the two years before the anchor, on the generated CMDB: one change per
 * {@value #TICKETS_PER_CHANGE} tickets (at least {@value #LEAST}), raised by an agent of a provider on items of one
 * customer department (its cloud machines, systems and services), on the provider-kept infrastructure, and now and
 * then on a hub; normal, standard and emergency ones of every type, with Chinese texts from templates per type, the
 * risk assessment drawn as the matrix would score such items, the plan steps owned by the provider's agents, the
 * rollback plan, and a planned window in the evening maintenance hours (an emergency one within hours). Each change
 * lives its life against the anchor: submitted, approved (the approval dated; no approval request is generated, as for
 * releases), implemented (92 % successful, the rest rolled back or remedied, the failed step recorded), reviewed by
 * the provider's desk manager; whatever falls after the anchor has not happened, so the recent ones stand at every
 * earlier state. 3 % are cancelled, about 2 % of the implemented ones miss their review and 0.5 % were implemented
 * without an approval on record (the register's gaps). No SLA clocks are generated (no rule exists in a new city).
 * <p>
 * Chunks of {@link DatasetPlan#chunkSize()} changes in time order; a chunk follows from the seed and its number alone,
 * its numbers continue each day's counter as the earlier chunks left it, so that a resumed run writes what an
 * uninterrupted one would.
 */
@Component
class ChangeDataset implements Dataset {

	static final int TICKETS_PER_CHANGE = 20;
	static final int LEAST = 200;
	private static final int DAYS = 730;
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final String COLUMNS = """
			number, status, category, change_type, title, necessity, reason, ci_ids, cis, customer_unit_ids, impact,
			computed_risk, risk_level, steps, rollback_plan, planned_start, planned_end, actual_start, actual_end,
			outcome, outcome_note, review, reviewed_at, reviewer_id, provider_party_id, requester_id,
			approval_granted, submitted_hash, submitted_at, approved_at, decision_note, created_at, updated_at,
			service_ids""";
	private static final Map<String, String> CLASS_NAMES = Map.ofEntries(Map.entry("DESKTOP", "台式计算机"),
			Map.entry("LAPTOP", "笔记本电脑"), Map.entry("PRINTER", "打印机"), Map.entry("PHYSICAL_SERVER", "物理服务器"),
			Map.entry("VIRTUAL_MACHINE", "虚拟机"), Map.entry("STORAGE", "存储设备"), Map.entry("NETWORK_DEVICE", "网络设备"),
			Map.entry("SECURITY_DEVICE", "安全设备"), Map.entry("UPS", "UPS不间断电源"), Map.entry("AIR_CONDITIONER", "精密空调"),
			Map.entry("CAMERA", "摄像机"), Map.entry("WIRELESS_AP", "无线接入点"), Map.entry("CONFERENCE_SYSTEM", "会议系统"),
			Map.entry("CLOUD_VM", "云主机"), Map.entry("CLOUD_VOLUME", "云硬盘"), Map.entry("CLOUD_NETWORK", "云网络"),
			Map.entry("APPLICATION_SYSTEM", "应用系统"), Map.entry("DATABASE", "数据库"), Map.entry("MIDDLEWARE", "中间件"),
			Map.entry("BUSINESS_SERVICE", "业务服务"), Map.entry("PHONE", "电话机"), Map.entry("VIDEO_TERMINAL", "视频终端"));

	/** What a type of change says: titles (with the item's name for %s), necessity, reason, steps, rollback. */
	private record Texts(String[] titles, String necessity, String reason, String[] steps, String rollback) {
	}

	private static final Map<ChangeType, Texts> TEXTS = Map.of(
			ChangeType.INFRASTRUCTURE, new Texts(new String[] { "%s 操作系统安全补丁升级", "%s 内存扩容", "%s 磁盘扩容",
					"%s 迁移至新宿主机" }, "资源使用率持续偏高，存在性能和安全隐患，需要在维护窗口内处理。",
					"月度巡检发现资源不足并有未修复的高危漏洞。", new String[] { "创建快照并备份数据", "停止业务应用",
							"实施补丁或扩容操作", "启动应用并按验证清单验证" },
					"恢复实施前创建的快照，重启业务应用，确认业务恢复正常。"),
			ChangeType.NETWORK, new Texts(new String[] { "%s 端口与 VLAN 调整", "%s 链路冗余改造", "%s 固件升级" },
					"网络结构调整以满足新业务接入和链路冗余要求。", "业务部门新增接入需求，原有链路为单点。",
					new String[] { "备份设备当前配置", "下发新配置", "测试链路连通性和切换" },
					"导入备份配置并重启相关端口，确认链路恢复。"),
			ChangeType.APPLICATION, new Texts(new String[] { "%s 版本升级", "%s 功能优化上线", "%s 缺陷修复发布" },
					"业务部门提出功能优化需求，并需修复已知缺陷。", "用户反馈和问题管理记录表明需要升级版本。",
					new String[] { "备份应用和数据库", "部署新版本应用包", "执行数据库升级脚本", "按验证清单验证业务功能" },
					"回退到上一版本应用包并恢复数据库备份，通知业务部门。"),
			ChangeType.DATABASE, new Texts(new String[] { "%s 参数调优", "%s 版本升级", "%s 索引重建与归档" },
					"数据库连接和查询性能下降，影响业务办理。", "监控显示慢查询和连接数持续增加。",
					new String[] { "全量备份数据库", "调整参数或执行升级", "验证业务查询性能" },
					"恢复原参数配置或用全量备份恢复数据库。"),
			ChangeType.SECURITY, new Texts(new String[] { "%s 访问控制策略调整", "%s 特征库与规则更新", "%s 弱口令整改" },
					"等级保护测评整改要求收紧访问控制。", "安全检查发现策略过宽和弱口令问题。",
					new String[] { "导出当前策略备份", "按整改清单调整策略", "验证业务访问正常" },
					"导入备份策略，恢复原访问控制。"),
			ChangeType.CONFIGURATION, new Texts(new String[] { "%s 配置调整", "%s 定时任务调整", "%s 日志策略调整" },
					"按运维规范统一配置，减少人工操作风险。", "配置核查发现与基线不一致。",
					new String[] { "备份当前配置", "按基线修改配置", "检查配置生效情况" }, "恢复备份的配置文件并重启服务。"),
			ChangeType.DATA, new Texts(new String[] { "%s 历史数据迁移", "%s 数据清理与归档" },
					"历史数据量过大影响系统性能，需要迁移归档。", "存储空间告警，业务部门同意归档两年前的数据。",
					new String[] { "备份待迁移数据", "执行迁移脚本", "核对迁移前后数据量" }, "用备份恢复迁移前的数据。"));
	private static final String[] REVIEWS = { "变更按计划完成，业务验证通过，无中断。", "变更按计划完成，实施时间略超预期，已总结经验。",
			"实施顺利，监控指标正常，变更关闭。" };
	private static final String[] FAILURES = { "验证时发现业务接口调用失败", "升级后性能明显下降", "新配置导致部分用户无法访问" };

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	ChangeDataset(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "changes";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity", "cmdb");
	}

	static long changes(DatasetPlan plan) {
		return Math.max(LEAST, plan.tickets() / TICKETS_PER_CHANGE);
	}

	@Override
	public int chunks(DatasetPlan plan) {
		return plan.chunksOf(changes(plan));
	}

	/** What a chunk draws from: the facts of identity and the CMDB, in a stable order. */
	private record City(List<Long> providers, Map<Long, List<Long>> agents, Map<Long, Long> deskManagers,
			Map<Long, String> names, List<Long> units, Map<Long, List<Long>> itemsOfUnit, List<Long> infrastructure,
			List<Long> hubs, Map<Long, String> classOf, Map<Long, String> labels) {
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		City city = city(context);
		if (city.providers().isEmpty() || city.units().isEmpty() && city.infrastructure().isEmpty()) {
			return 0;
		}
		SplittableRandom random = plan.random(name(), chunk);
		long total = changes(plan);
		long from = (long) chunk * plan.chunkSize();
		long to = Math.min(total, from + plan.chunkSize());
		Map<LocalDate, Integer> counters = new TreeMap<>();
		jdbc.sql("select day, last from change_number_counter")
			.query((rs, n) -> counters.put(rs.getDate(1).toLocalDate(), rs.getInt(2))).list();
		Instant start = plan.anchor().minus(Duration.ofDays(DAYS));
		long span = Duration.ofDays(DAYS).minusHours(2).toSeconds();
		long rows;
		try (CopyRows copy = CopyRows.into(dataSource, "change_request", COLUMNS)) {
			for (long i = from; i < to; i++) {
				Instant created = start.plusSeconds(span * i / total + random.nextLong(Math.max(1, span / total)));
				Generated generated = change(city, created, plan.anchor(), random, counters);
				write(copy, generated.change(), generated.services());
			}
			rows = copy.finish();
		}
		counters.forEach((day, last) -> jdbc.sql("""
				insert into change_number_counter (day, last) values (?, ?)
				on conflict (day) do update set last = greatest(change_number_counter.last, excluded.last)""")
			.params(java.sql.Date.valueOf(day), last).update());
		return rows;
	}

	@SuppressWarnings("unchecked")
	private static City city(DatasetContext context) {
		Map<Long, List<Long>> agents = new TreeMap<>(context.<Map<Long, List<Long>>>get("identity.agents"));
		agents.values().removeIf(List::isEmpty);
		Map<Long, Long> desk = context.has("identity.deskManagers") ? context.get("identity.deskManagers") : Map.of();
		Map<Long, String> names = context.has("identity.names") ? context.get("identity.names") : Map.of();
		Map<Long, List<Long>> ofUnit = new TreeMap<>(context.<Map<Long, List<Long>>>get("cmdb.itemsOfUnit"));
		ofUnit.values().removeIf(List::isEmpty);
		Map<Long, String> classOf = new HashMap<>();
		new TreeMap<>(context.<Map<String, List<Long>>>get("cmdb.itemsOfClass"))
			.forEach((code, ids) -> ids.forEach(id -> classOf.put(id, code)));
		List<Long> hubs = context.has("cmdb.hubs") ? context.get("cmdb.hubs") : List.of();
		return new City(List.copyOf(agents.keySet()), agents, desk, names, List.copyOf(ofUnit.keySet()), ofUnit,
				context.get("cmdb.infrastructure"), hubs, classOf, context.get("cmdb.itemLabels"));
	}

	/** A generated change and the application systems and services among its items (for conflicts). */
	private record Generated(ChangeRequest change, List<Long> services) {
	}

	/** One change and its life up to the anchor. */
	private Generated change(City city, Instant created, Instant anchor, SplittableRandom random,
			Map<LocalDate, Integer> counters) {
		long provider = city.providers().get(random.nextInt(city.providers().size()));
		List<Long> agents = city.agents().get(provider);
		long requester = agents.get(random.nextInt(agents.size()));
		// the items: a department's (most), the provider-kept infrastructure, now and then a hub
		int where = random.nextInt(100);
		List<Long> ciIds = new ArrayList<>();
		List<Long> units = new ArrayList<>();
		if (where < 2 && !city.hubs().isEmpty()) {
			ciIds.add(city.hubs().get(random.nextInt(city.hubs().size())));
		}
		else if (where < 30 && !city.infrastructure().isEmpty() || city.units().isEmpty()) {
			for (int n = 1 + random.nextInt(2); n > 0; n--) {
				pick(ciIds, city.infrastructure(), random);
			}
		}
		else {
			long unit = city.units().get(random.nextInt(city.units().size()));
			units.add(unit);
			for (int n = 1 + random.nextInt(3); n > 0; n--) {
				pick(ciIds, city.itemsOfUnit().get(unit), random);
			}
		}
		List<AffectedItem> items = new ArrayList<>();
		List<Long> services = new ArrayList<>();
		List<String> applications = new ArrayList<>();
		List<String> serviceNames = new ArrayList<>();
		for (long id : ciIds) {
			String code = city.classOf().getOrDefault(id, "");
			String label = city.labels().getOrDefault(id, "配置项 " + id);
			items.add(new AffectedItem(id, label, CLASS_NAMES.getOrDefault(code, "配置项")));
			if (code.equals("APPLICATION_SYSTEM") || code.equals("BUSINESS_SERVICE")) {
				services.add(id);
				(code.equals("APPLICATION_SYSTEM") ? applications : serviceNames).add(label);
			}
		}
		ChangeType type = type(city.classOf().getOrDefault(ciIds.getFirst(), ""), random);
		int roll = random.nextInt(100);
		ChangeCategory category = roll < 8 ? ChangeCategory.EMERGENCY
				: roll < 30 ? ChangeCategory.STANDARD : ChangeCategory.NORMAL;
		// the assessment as the matrix would score such items: a hub reaches nearly everything
		boolean hub = city.hubs().contains(ciIds.getFirst());
		int reached = hub ? 5_000 + random.nextInt(20_000) : random.nextInt(25);
		int score = (reached == 0 ? 0 : reached <= 5 ? 1 : reached <= 20 ? 2 : 3) + (services.isEmpty() ? 0 : 1)
				+ (category == ChangeCategory.EMERGENCY ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0);
		RiskAssessment assessment = new RiskAssessment(reached, 0, applications, serviceNames, units.size(),
				services.isEmpty() ? List.of() : List.of(items.getFirst().name()), 0, score,
				ChangeRiskMatrix.level(score));

		Texts texts = TEXTS.get(type);
		Instant plannedStart = category == ChangeCategory.EMERGENCY
				? created.plus(Duration.ofMinutes(60 + random.nextInt(300)))
				: evening(created.plus(Duration.ofDays(2 + random.nextInt(9))), random);
		Instant plannedEnd = plannedStart.plus(Duration.ofMinutes(60 + 30L * random.nextInt(7)));
		List<PlanStep> steps = new ArrayList<>();
		int stepCount = Math.min(texts.steps().length, 2 + random.nextInt(texts.steps().length - 1));
		for (int s = 0; s < stepCount; s++) {
			long owner = agents.get(random.nextInt(agents.size()));
			steps.add(new PlanStep(s + 1, texts.steps()[s], owner, city.names().getOrDefault(owner, "运维工程师"), null,
					null, null));
		}

		ChangeRequest.Builder b = new ChangeRequest.Builder();
		LocalDate day = LocalDate.ofInstant(created, ChangeRegister.ZONE);
		int last = counters.merge(day, 1, Integer::sum);
		b.number = "CHG-" + DAY.format(day) + "-" + (last < 10000 ? "%04d".formatted(last) : String.valueOf(last));
		b.requesterId = requester;
		b.providerPartyId = provider;
		b.category = category;
		b.type = type;
		String title = texts.titles()[random.nextInt(texts.titles().length)]
			.formatted(items.getFirst().name().replaceFirst("（.*）$", ""));
		b.title = category == ChangeCategory.EMERGENCY ? "紧急：" + title : title;
		b.necessity = texts.necessity();
		b.reason = category == ChangeCategory.EMERGENCY ? "故障影响业务办理，需立即处置。" + texts.reason() : texts.reason();
		b.items = items;
		b.customerUnitIds = units;
		b.assessment = assessment;
		b.riskLevel = assessment.computed();
		b.steps = steps;
		b.rollbackPlan = texts.rollback();
		b.plannedStart = plannedStart;
		b.plannedEnd = plannedEnd;
		b.createdAt = created;
		live(b, city, created, anchor, random);
		return new Generated(b.build(), services);
	}

	/**
	 * The change's life, cut at the anchor: submission, approval, implementation with the outcome and the step
	 * results, the review; or a cancellation.
	 */
	private static void live(ChangeRequest.Builder b, City city, Instant created, Instant anchor,
			SplittableRandom random) {
		boolean emergency = b.category == ChangeCategory.EMERGENCY;
		Instant submitted = created.plus(Duration.ofMinutes(emergency ? 5 + random.nextInt(20) : 10 + random.nextInt(110)));
		Instant approved = b.category == ChangeCategory.STANDARD ? submitted
				: min(submitted.plus(Duration.ofMinutes(emergency ? 15 + random.nextInt(60) : 120 + random.nextInt(2800))),
						b.plannedStart.minus(Duration.ofMinutes(10)));
		approved = approved.isBefore(submitted) ? submitted : approved;
		Instant actualStart = b.plannedStart.plus(Duration.ofMinutes(random.nextInt(20) - 5L));
		actualStart = actualStart.isBefore(approved) ? approved : actualStart;
		long planned = Duration.between(b.plannedStart, b.plannedEnd).toMinutes();
		Instant actualEnd = actualStart.plus(Duration.ofMinutes(planned * (60 + random.nextInt(70)) / 100));
		Instant reviewed = actualEnd.plus(Duration.ofHours(12 + random.nextInt(100)));
		int fate = random.nextInt(1000);
		int outcomeRoll = random.nextInt(100);
		ChangeOutcome outcome = outcomeRoll < 92 ? ChangeOutcome.SUCCESSFUL
				: outcomeRoll < 97 ? ChangeOutcome.ROLLED_BACK : ChangeOutcome.REMEDIED;
		boolean unapproved = fate < 5;
		boolean unreviewed = fate >= 5 && fate < 25;
		if (fate >= 970 && !submitted.isAfter(anchor)) {
			b.status = ChangeStatus.CANCELLED;
			b.submittedAt = submitted;
			b.decisionNote = "业务部门调整计划，本次变更取消";
			b.updatedAt = submitted.plus(Duration.ofHours(1));
			b.submittedHash = b.build().contentHash();
			return;
		}
		b.status = ChangeStatus.DRAFT;
		b.updatedAt = created;
		if (submitted.isAfter(anchor)) {
			return;
		}
		b.submittedHash = b.build().contentHash();
		b.submittedAt = submitted;
		b.status = ChangeStatus.SUBMITTED;
		b.updatedAt = submitted;
		if (approved.isAfter(anchor)) {
			return;
		}
		if (!unapproved) {
			b.approvedAt = approved;
			b.approvalGranted = b.category != ChangeCategory.STANDARD;
			b.status = ChangeStatus.APPROVED;
			b.updatedAt = approved;
		}
		if (actualStart.isAfter(anchor)) {
			if (unapproved) {
				b.status = ChangeStatus.SUBMITTED;
			}
			return;
		}
		b.actualStart = actualStart;
		b.status = ChangeStatus.IMPLEMENTING;
		b.updatedAt = actualStart;
		if (actualEnd.isAfter(anchor)) {
			return;
		}
		b.actualEnd = actualEnd;
		b.outcome = outcome;
		List<PlanStep> results = new ArrayList<>();
		for (PlanStep step : b.steps) {
			boolean failedHere = outcome.failed() && step.position() == b.steps.size();
			results.add(step.withResult(!failedHere,
					failedHere ? FAILURES[random.nextInt(FAILURES.length)] : "已完成", actualEnd));
		}
		b.steps = results;
		b.outcomeNote = outcome == ChangeOutcome.SUCCESSFUL ? null
				: outcome == ChangeOutcome.ROLLED_BACK ? "按应急方案回退，业务已恢复，待分析原因后重新申请变更。"
						: "现场采取补救措施，业务已恢复，遗留问题转问题管理跟踪。";
		b.status = ChangeStatus.IMPLEMENTED;
		b.updatedAt = actualEnd;
		if (unreviewed || reviewed.isAfter(anchor)) {
			return;
		}
		b.review = outcome == ChangeOutcome.SUCCESSFUL ? REVIEWS[random.nextInt(REVIEWS.length)]
				: "变更失败已按应急方案处置，原因已分析，改进措施纳入下次变更方案。";
		b.reviewedAt = reviewed;
		b.reviewerId = city.deskManagers().getOrDefault(b.providerPartyId, b.requesterId);
		b.status = ChangeStatus.CLOSED;
		b.updatedAt = reviewed;
	}

	private void write(CopyRows copy, ChangeRequest c, List<Long> services) {
		copy.row(c.number(), c.status().name(), c.category().name(), c.type().name(), c.title(), c.necessity(),
				c.reason(), c.ciIds(), ChangeRecords.JSON.writeValueAsString(c.items()), c.customerUnitIds(),
				ChangeRecords.JSON.writeValueAsString(c.assessment()), c.assessment().computed().name(),
				c.riskLevel().name(), ChangeRecords.JSON.writeValueAsString(c.steps()), c.rollbackPlan(),
				c.plannedStart(), c.plannedEnd(), c.actualStart(), c.actualEnd(),
				c.outcome() == null ? null : c.outcome().name(), c.outcomeNote(), c.review(), c.reviewedAt(),
				c.reviewerId(), c.providerPartyId(), c.requesterId(), c.approvalGranted(), c.submittedHash(),
				c.submittedAt(), c.approvedAt(), c.decisionNote(), c.createdAt(), c.updatedAt(),
				services);
	}

	private static void pick(List<Long> into, List<Long> from, SplittableRandom random) {
		if (from == null || from.isEmpty()) {
			return;
		}
		long id = from.get(random.nextInt(from.size()));
		if (!into.contains(id)) {
			into.add(id);
		}
	}

	private static ChangeType type(String classCode, SplittableRandom random) {
		if (random.nextInt(20) == 0) {
			return ChangeType.CONFIGURATION;
		}
		return switch (classCode) {
			case "NETWORK_DEVICE", "CLOUD_NETWORK", "WIRELESS_AP" -> ChangeType.NETWORK;
			case "SECURITY_DEVICE" -> ChangeType.SECURITY;
			case "DATABASE" -> random.nextInt(4) == 0 ? ChangeType.DATA : ChangeType.DATABASE;
			case "APPLICATION_SYSTEM", "BUSINESS_SERVICE", "MIDDLEWARE" -> ChangeType.APPLICATION;
			case "PHYSICAL_SERVER", "VIRTUAL_MACHINE", "CLOUD_VM", "CLOUD_VOLUME", "STORAGE", "UPS",
					"AIR_CONDITIONER" -> ChangeType.INFRASTRUCTURE;
			default -> ChangeType.CONFIGURATION;
		};
	}

	/** The evening maintenance window (20:00–22:30, Asia/Shanghai) of the day. */
	private static Instant evening(Instant day, SplittableRandom random) {
		ZonedDateTime local = day.atZone(ChangeRegister.ZONE).toLocalDate().atTime(20, 0)
			.atZone(ChangeRegister.ZONE);
		return local.plusMinutes(30L * random.nextInt(6)).toInstant();
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * Publishes {@code changes.applicationChanges}: provider party → its successfully implemented application
	 * changes in planned order, each as a map of {@code id}, {@code number}, {@code title}, {@code plannedStart}
	 * (an {@link Instant}) and {@code ciIds}, for the release contributor to group into releases.
	 */
	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		Map<Long, List<Map<String, Object>>> byProvider = new TreeMap<>();
		jdbc.sql("""
				select id, number, title, provider_party_id, planned_start, ci_ids from change_request
				where change_type = 'APPLICATION' and outcome = 'SUCCESSFUL' and provider_party_id is not null
				order by planned_start, id""")
			.query((rs, n) -> {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("id", rs.getLong("id"));
				change.put("number", rs.getString("number"));
				change.put("title", rs.getString("title"));
				change.put("plannedStart", rs.getTimestamp("planned_start").toInstant());
				change.put("ciIds", ChangeRecords.longs(rs.getArray("ci_ids")));
				return byProvider.computeIfAbsent(rs.getLong("provider_party_id"), p -> new ArrayList<>())
					.add(change);
			})
			.list();
		context.put("changes.applicationChanges", byProvider);
		context.count("changes", jdbc.sql("select count(*) from change_request").query(Long.class).single());
	}
}
