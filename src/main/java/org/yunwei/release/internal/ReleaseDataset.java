package org.yunwei.release.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.release.internal.Release.DeploymentStepResult;
import org.yunwei.release.internal.Release.ReleaseDeployment;

/**
 * The city's releases over the two years before the anchor: about two a month for each provider (at most
 * {@link #PROVIDERS} providers), planned by one of its agents, mostly minor, some major, a few emergency; those more
 * than a month old deployed and completed (a few cancelled), the recent ones at every earlier state. The city has no
 * generated configuration items or changes yet, so a generated release names its application system in its title and
 * plan and has no scope items or changes; its approval is dated but no approval request is generated. One chunk;
 * numbers continue each day's counter.
 */
@Component
class ReleaseDataset implements Dataset {

	static final int PROVIDERS = 20;
	static final int MONTHS = 24;
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final String[] SYSTEMS = { "不动产登记系统", "网上办事大厅", "社保卡服务系统", "公积金管理系统",
			"政务服务网", "电子证照库", "一网通办移动端", "财政预算管理系统", "12345 热线平台", "城市运行监测平台" };
	private static final String[] KNOWN_ERRORS = { "旧版浏览器打印预览错位", "移动端首页偶发加载慢",
			"批量导出超过一万条时耗时较长", "个别证照缩略图不显示" };
	private static final ReleaseType[] TYPES = { ReleaseType.MINOR, ReleaseType.MINOR, ReleaseType.MINOR,
			ReleaseType.MINOR, ReleaseType.MINOR, ReleaseType.MINOR, ReleaseType.MINOR, ReleaseType.MAJOR,
			ReleaseType.MAJOR, ReleaseType.EMERGENCY };
	private static final ReleaseStatus[] RECENT = { ReleaseStatus.DRAFT, ReleaseStatus.SUBMITTED,
			ReleaseStatus.APPROVED, ReleaseStatus.DEPLOYED, ReleaseStatus.COMPLETED };

	private final ReleaseRecords records;

	ReleaseDataset(ReleaseRecords records) {
		this.records = records;
	}

	@Override
	public String name() {
		return "releases";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity", "cmdb", "changes");
	}

	/** A generated change a release may include. */
	private record Candidate(long id, String number, String title, Instant plannedStart, List<Long> ciIds) {
	}

	/** The application changes of each provider in planned order, and the application systems' names. */
	private record Changes(Map<Long, List<Candidate>> byProvider, Map<Long, String> applications, Set<Long> used) {

		@SuppressWarnings("unchecked")
		static Changes of(DatasetContext context) {
			Map<Long, List<Candidate>> byProvider = new TreeMap<>();
			Map<Long, String> applications = new java.util.HashMap<>();
			if (context.has("changes.applicationChanges")) {
				context.<Map<Long, List<Map<String, Object>>>>get("changes.applicationChanges")
					.forEach((party, list) -> byProvider.put(party, list.stream().map(c -> new Candidate(
							(Long) c.get("id"), (String) c.get("number"), (String) c.get("title"),
							(Instant) c.get("plannedStart"), (List<Long>) c.get("ciIds"))).toList()));
			}
			if (context.has("cmdb.itemsOfClass") && context.has("cmdb.itemLabels")) {
				Map<Long, String> labels = context.get("cmdb.itemLabels");
				context.<Map<String, List<Long>>>get("cmdb.itemsOfClass").getOrDefault("APPLICATION_SYSTEM", List.of())
					.forEach(id -> applications.put(id, labels.getOrDefault(id, "应用系统 " + id)));
			}
			return new Changes(byProvider, applications, new java.util.HashSet<>());
		}

		/**
		 * Up to three unused changes of the provider planned in the thirty days before the release: a release ships
		 * what was changed since the one before it (two a month per provider), so that nearly every application
		 * change ends up in one, as the city's register expects, not only those that happen to fall beside one.
		 */
		List<Candidate> near(long partyId, Instant plannedAt, int most) {
			List<Candidate> all = byProvider.getOrDefault(partyId, List.of());
			Instant from = plannedAt.minus(Duration.ofDays(30));
			Instant to = plannedAt;
			int low = 0;
			int high = all.size();
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (all.get(mid).plannedStart().isBefore(from)) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			List<Candidate> picked = new ArrayList<>();
			for (int i = low; i < all.size() && picked.size() < most && !all.get(i).plannedStart().isAfter(to); i++) {
				if (used.add(all.get(i).id())) {
					picked.add(all.get(i));
				}
			}
			return picked;
		}
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		List<DatasetAccount> accounts = context.has(DatasetContext.ACCOUNTS) ? context.get(DatasetContext.ACCOUNTS)
				: List.of();
		Map<Long, List<DatasetAccount>> agents = new TreeMap<>();
		accounts.stream().filter(a -> a.role() == DatasetAccount.Role.AGENT)
			.forEach(a -> agents.computeIfAbsent(a.partyId(), p -> new ArrayList<>()).add(a));
		SplittableRandom random = plan.random(name(), chunk);
		Map<LocalDate, Integer> counters = records.counters();
		Changes changes = Changes.of(context);
		long written = 0;
		int providers = 0;
		for (var provider : agents.entrySet()) {
			if (providers++ == PROVIDERS) {
				break;
			}
			int[] minor = new int[SYSTEMS.length];
			for (int month = MONTHS; month > 0; month--) {
				for (int i = 0; i < 2; i++) {
					DatasetAccount planner = provider.getValue().get(random.nextInt(provider.getValue().size()));
					Instant created = plan.anchor().minus(Duration.ofDays(month * 30L - random.nextInt(28)))
						.minus(Duration.ofMinutes(random.nextInt(600)));
					int system = random.nextInt(SYSTEMS.length);
					String version = "V" + (2 + system % 3) + "." + (++minor[system]) + ".0";
					written += write(release(provider.getKey(), planner, created, system, version, month, random,
							counters, plan.anchor(), changes));
				}
			}
		}
		counters.forEach(records::counted);
		return written;
	}

	private Release release(long partyId, DatasetAccount planner, Instant created, int system, String version,
			int month, SplittableRandom random, Map<LocalDate, Integer> counters, Instant anchor, Changes changes) {
		LocalDate day = LocalDate.ofInstant(created, ReleaseRegister.ZONE);
		int last = counters.merge(day, 1, Integer::sum);
		Release.Builder b = new Release.Builder();
		b.number = "REL-" + DAY.format(day) + "-" + "%04d".formatted(last);
		b.requesterId = planner.userId();
		b.providerPartyId = partyId;
		b.type = TYPES[random.nextInt(TYPES.length)];
		b.plannedAt = created.plus(Duration.ofDays(3 + random.nextInt(7)));
		List<Candidate> included = changes.near(partyId, b.plannedAt, 1 + random.nextInt(3));
		b.changes = included.stream().map(c -> new Release.ReleasedChange(c.id(), c.number(), c.title())).toList();
		List<Release.ReleaseItem> scope = new ArrayList<>();
		included.stream().flatMap(c -> c.ciIds().stream()).distinct().filter(changes.applications()::containsKey)
			.forEach(id -> scope.add(new Release.ReleaseItem(id, changes.applications().get(id), "APPLICATION_SYSTEM",
					"应用系统")));
		b.items = scope;
		String systemName = scope.isEmpty() ? SYSTEMS[system] : scope.getFirst().name().replaceFirst("（.*）$", "");
		b.title = systemName + " " + version + " 发布";
		b.releaseVersion = version;
		b.plan = "在维护窗口内停机部署 " + systemName + " " + version + "，部署后按验证清单验证，验证通过后恢复服务；"
				+ "验证不通过则按回退方案恢复上一版本。";
		b.knownErrors = random.nextInt(3) == 0 ? KNOWN_ERRORS[random.nextInt(KNOWN_ERRORS.length)] : null;
		b.createdAt = created;
		ReleaseStatus status = month > 1 ? (random.nextInt(20) == 0 ? ReleaseStatus.CANCELLED : ReleaseStatus.COMPLETED)
				: RECENT[random.nextInt(RECENT.length)];
		b.status = status;
		Instant at = created;
		if (status != ReleaseStatus.DRAFT && status != ReleaseStatus.CANCELLED) {
			b.submittedAt = created.plus(Duration.ofHours(2));
			at = b.submittedAt;
		}
		if (status.ordinal() >= ReleaseStatus.APPROVED.ordinal() && status != ReleaseStatus.CANCELLED) {
			b.approvedAt = created.plus(Duration.ofHours(20 + random.nextInt(30)));
			at = b.approvedAt;
		}
		if (status == ReleaseStatus.DEPLOYED || status == ReleaseStatus.COMPLETED) {
			Instant start = b.plannedAt;
			Instant end = start.plus(Duration.ofMinutes(40 + random.nextInt(200)));
			if (end.isAfter(anchor)) {
				end = anchor.minus(Duration.ofMinutes(5));
				start = end.minus(Duration.ofMinutes(60));
			}
			b.deployment = new ReleaseDeployment(planner.userId(), planner.username(), start, end, List.of(
					new DeploymentStepResult(1, "停止应用服务并备份数据库", true, "备份完成"),
					new DeploymentStepResult(2, "部署 " + version + " 应用包", true, "部署完成"),
					new DeploymentStepResult(3, "按验证清单验证业务功能", true, "验证通过")), end);
			at = end;
		}
		if (status == ReleaseStatus.COMPLETED) {
			b.completionNote = SYSTEMS[system] + " 已升级至 " + version + "，业务验证通过，已通知使用单位。";
			b.completedBy = planner.userId();
			b.completedAt = at.plus(Duration.ofMinutes(30));
			at = b.completedAt;
		}
		if (status == ReleaseStatus.CANCELLED) {
			b.decisionNote = "需求调整，本次发布取消";
		}
		b.updatedAt = at;
		return b.build();
	}

	/** Inserts the release as a draft, then writes its state and dates; answers the rows written. */
	private long write(Release release) {
		Release.Builder draft = new Release.Builder();
		draft.number = release.number();
		draft.requesterId = release.requesterId();
		draft.providerPartyId = release.providerPartyId();
		draft.status = ReleaseStatus.DRAFT;
		draft.type = release.type();
		draft.title = release.title();
		draft.releaseVersion = release.releaseVersion();
		draft.items = release.items();
		draft.changes = release.changes();
		long id = records.insert(draft.build());
		Release.Builder full = copy(release);
		full.id = id;
		records.update(full.build());
		records.dated(id, release.createdAt(), release.updatedAt());
		return 1;
	}

	private static Release.Builder copy(Release r) {
		Release.Builder b = new Release.Builder();
		b.number = r.number();
		b.requesterId = r.requesterId();
		b.providerPartyId = r.providerPartyId();
		b.status = r.status();
		b.type = r.type();
		b.title = r.title();
		b.releaseVersion = r.releaseVersion();
		b.items = r.items();
		b.customerUnitIds = r.customerUnitIds();
		b.changes = r.changes();
		b.plan = r.plan();
		b.plannedAt = r.plannedAt();
		b.knownErrors = r.knownErrors();
		b.submittedAt = r.submittedAt();
		b.approvedAt = r.approvedAt();
		b.decisionNote = r.decisionNote();
		b.deployment = r.deployment();
		b.completionNote = r.completionNote();
		b.completedBy = r.completedBy();
		b.completedAt = r.completedAt();
		return b;
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		// later contributors need nothing of releases; the count is the generator's report
	}
}
