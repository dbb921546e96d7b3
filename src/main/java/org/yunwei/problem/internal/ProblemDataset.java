package org.yunwei.problem.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.CopyRows;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;

/**
 * The city's problems: among each page of finished incidents, those that recur (the same subject at one provider)
 * become, now and then, a problem linked to two to five of them, recorded by one of that provider's agents, in every
 * state of the lifecycle, with the plans its state implies. One chunk: the incidents are read through the ticket
 * facade first, then the problems written; numbers continue each day's counter. No SLA clocks are started for them.
 */
@Component
class ProblemDataset implements Dataset {

	private static final int PAGE = 10_000;
	/** About one problem per this many recurring incidents. */
	private static final int ONE_IN = 40;
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final String[] CAUSES = { "服务器补丁与驱动程序不兼容，导致服务间歇性中断",
			"网络交换机端口配置错误，高峰时段丢包", "数据库连接池上限过低，并发时连接耗尽", "证书过期后未及时更新",
			"存储空间不足导致日志写入失败", "终端安全软件误拦截业务程序" };
	private static final String[] SOLUTIONS = { "回退补丁并升级驱动程序，纳入变更管理", "修正端口配置并增加链路冗余",
			"调整连接池参数并优化慢查询", "建立证书到期提醒并更换证书", "扩容存储并配置日志轮转", "将业务程序加入安全软件白名单" };
	private static final ProblemStatus[] STATES = { ProblemStatus.CLOSED, ProblemStatus.CLOSED, ProblemStatus.CLOSED,
			ProblemStatus.RESOLVED, ProblemStatus.IN_PROGRESS, ProblemStatus.ANALYSING, ProblemStatus.REGISTERED };

	private final Tickets tickets;
	private final ProblemRecords records;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	ProblemDataset(Tickets tickets, ProblemRecords records, JdbcClient jdbc, DataSource dataSource) {
		this.tickets = tickets;
		this.records = records;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "problems";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity", "tickets");
	}

	private record Recurring(long partyId, String subject) {
	}

	private record Planned(Problem problem, List<TicketReference> incidents) {
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		Map<Long, List<DatasetAccount>> agents = new TreeMap<>();
		List<DatasetAccount> accounts = context.has(DatasetContext.ACCOUNTS) ? context.get(DatasetContext.ACCOUNTS)
				: List.of();
		accounts.stream().filter(a -> a.role() == DatasetAccount.Role.AGENT)
			.forEach(a -> agents.computeIfAbsent(a.partyId(), p -> new ArrayList<>()).add(a));
		ZoneId zone = tickets.zone();
		SplittableRandom random = plan.random(name(), chunk);
		// numbers continue the days' counters
		Map<LocalDate, Integer> counters = new TreeMap<>();
		jdbc.sql("select day, last from problem_number_counter")
			.query((rs, n) -> counters.put(rs.getDate(1).toLocalDate(), rs.getInt(2))).list();
		List<Planned> planned = new ArrayList<>();
		long after = 0;
		while (true) {
			List<TicketReference> page = tickets.finishedForSystem(after, PAGE);
			if (page.isEmpty()) {
				break;
			}
			after = page.getLast().id();
			Map<Recurring, List<TicketReference>> recurring = new LinkedHashMap<>();
			for (TicketReference t : page) {
				if (t.type() == TicketType.INCIDENT && t.providerPartyId() != null
						&& agents.containsKey(t.providerPartyId())) {
					recurring.computeIfAbsent(new Recurring(t.providerPartyId(), t.subject()), k -> new ArrayList<>())
						.add(t);
				}
			}
			for (var group : recurring.entrySet()) {
				List<TicketReference> incidents = group.getValue();
				if (incidents.size() < 2 || random.nextInt(ONE_IN) >= incidents.size()) {
					continue;
				}
				List<TicketReference> linked = incidents.subList(0, Math.min(incidents.size(), 2 + random.nextInt(4)));
				List<DatasetAccount> of = agents.get(group.getKey().partyId());
				DatasetAccount recorder = of.get(random.nextInt(of.size()));
				planned.add(new Planned(problem(linked, recorder, random, zone, counters), linked));
			}
		}
		if (planned.isEmpty()) {
			return 0;
		}
		List<long[]> ids = new ArrayList<>();
		for (Planned p : planned) {
			long id = records.insert(p.problem());
			Problem saved = records.findForUpdate(id).orElseThrow();
			copyState(p.problem(), saved);
			records.update(saved);
			// dated as the data, not as the run, so that two runs write the same rows
			jdbc.sql("update problem set updated_at = coalesce(closed_at, resolved_at, created_at) where id = ?")
				.param(id).update();
			ids.add(new long[] { id });
		}
		counters.forEach((day, last) -> jdbc.sql("""
				insert into problem_number_counter (day, last) values (?, ?)
				on conflict (day) do update set last = greatest(problem_number_counter.last, excluded.last)""")
			.params(Date.valueOf(day), last).update());
		long rows = planned.size();
		try (CopyRows links = CopyRows.into(dataSource, "problem_incident",
				"problem_id, ticket_id, number, subject, linked_by, linked_at")) {
			for (int i = 0; i < planned.size(); i++) {
				Problem p = planned.get(i).problem();
				for (TicketReference t : planned.get(i).incidents()) {
					links.row(ids.get(i)[0], t.id(), t.number(), t.subject(), p.recordedBy(), p.createdAt());
				}
			}
			rows += links.finish();
		}
		try (CopyRows entries = CopyRows.into(dataSource, "problem_entry",
				"problem_id, kind, text, actor_id, actor_name, at")) {
			for (int i = 0; i < planned.size(); i++) {
				Problem p = planned.get(i).problem();
				entries.row(ids.get(i)[0], ProblemTimeline.Kind.OPENED.name(), p.collection().subject(),
						p.recordedBy(), "数据生成", p.createdAt());
				if (p.status() != ProblemStatus.REGISTERED) {
					entries.row(ids.get(i)[0], ProblemTimeline.Kind.ANALYSIS_STARTED.name(), null, p.recordedBy(),
							"数据生成", p.createdAt().plus(Duration.ofHours(2)));
				}
				if (p.closedAt() != null) {
					entries.row(ids.get(i)[0], ProblemTimeline.Kind.CLOSED.name(), null, p.recordedBy(), "数据生成",
							p.closedAt());
				}
			}
			rows += entries.finish();
		}
		return rows;
	}

	/** A problem of the incidents, in a state drawn at random, with what that state implies recorded. */
	private static Problem problem(List<TicketReference> incidents, DatasetAccount recorder, SplittableRandom random,
			ZoneId zone, Map<LocalDate, Integer> counters) {
		TicketReference first = incidents.getFirst();
		Instant created = incidents.getLast().createdAt().plus(Duration.ofHours(4));
		LocalDate day = LocalDate.ofInstant(created, zone);
		int n = counters.merge(day, 1, Integer::sum);
		ProblemCollection collection = new ProblemCollection(ProblemSource.INCIDENT, first.subject() + "（反复发生）",
				"近期同类事件 " + incidents.size() + " 起：" + first.subject(), "影响相关部门的日常办公",
				org.yunwei.sla.Priority.valueOf(first.priority()), first.serviceId(), List.of());
		Problem p = Problem.register("PRB-" + DAY.format(day) + "-" + String.format("%04d", n), recorder.partyId(),
				recorder.orgUnitId(), first.customerOrgUnitId(), collection, recorder.userId(), created);
		ProblemStatus state = STATES[random.nextInt(STATES.length)];
		int which = random.nextInt(CAUSES.length);
		p.status = state;
		if (state != ProblemStatus.REGISTERED) {
			p.emergencyPlan = "发生时切换到备用资源，并按应急预案通知受影响部门";
			p.emergencyPlanAt = created.plus(Duration.ofHours(1));
			p.rootCause = CAUSES[which];
		}
		if (state != ProblemStatus.REGISTERED && state != ProblemStatus.ANALYSING) {
			LocalDate start = day.plusDays(2);
			p.solution = new ProblemPlan(SOLUTIONS[which], recorder.userId(), null, day.plusDays(7));
			p.implementation = new ProblemPlan("在维护窗口分批实施：" + SOLUTIONS[which], recorder.userId(), start,
					start.plusDays(1));
			if (random.nextBoolean()) {
				p.knownError = true;
				p.workaround = "重启相关服务可临时恢复";
				p.knownErrorAt = created.plus(Duration.ofHours(3));
			}
		}
		if (state == ProblemStatus.RESOLVED || state == ProblemStatus.CLOSED) {
			p.resolution = "实施后观察一周未再发生";
			p.resolvedAt = created.plus(Duration.ofDays(5));
		}
		if (state == ProblemStatus.CLOSED) {
			p.closedAt = created.plus(Duration.ofDays(6));
		}
		return p;
	}

	private static void copyState(Problem from, Problem to) {
		to.status = from.status;
		to.rootCause = from.rootCause;
		to.emergencyPlan = from.emergencyPlan;
		to.emergencyPlanAt = from.emergencyPlanAt;
		to.solution = from.solution;
		to.implementation = from.implementation;
		to.knownError = from.knownError;
		to.workaround = from.workaround;
		to.knownErrorAt = from.knownErrorAt;
		to.resolution = from.resolution;
		to.resolvedAt = from.resolvedAt;
		to.closedAt = from.closedAt;
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		context.count("problems", jdbc.sql("select count(*) from problem").query(Long.class).single());
	}
}
