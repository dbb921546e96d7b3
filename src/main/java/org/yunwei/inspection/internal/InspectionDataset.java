package org.yunwei.inspection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.CopyRows;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.inspection.internal.check.CheckKind;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;

import tools.jackson.databind.json.JsonMapper;

/**
 * The city's inspections (docs/dataset-generator.md): for each provider three plans of the shipped templates —
 * the machine rooms daily (two rooms), its host servers weekly on Monday and its network devices monthly on the 1st,
 * both on working days of the default calendar (moved past holidays as the application moves them) — started two
 * years before the anchor, with their tasks and results: done by the rota's agents before the due time, some late and
 * escalated, a few never done, about 2 % with an anomaly (a fail or a reading out of range); the tasks of the last
 * day still open. Chunk 1 adds automated checks on the shared infrastructure the providers maintain (ping, SSH port,
 * HTTPS) with a week of results every five minutes, outages told to the owner and recovered. The generated checks
 * are paused: their addresses are invented, and a demonstration started on the data should not probe them. No
 * photos and no incidents are generated (the anomalies' incidents would be the ticket contributor's).
 */
@Component
class InspectionDataset implements Dataset {

	static final int SERVERS_PER_PROVIDER = 10;
	static final int DEVICES_PER_PROVIDER = 5;
	static final int CHECKS_PER_PROVIDER = 20;
	static final int CHECK_INTERVAL = 300;
	static final Duration CHECK_HISTORY = Duration.ofDays(7);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String[] ROOMS = { "市政务云数据中心 A 区机房", "市政务云数据中心 B 区机房" };

	private final InspectionPlans plans;
	private final InspectionTemplates templates;
	private final Calendars calendars;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	InspectionDataset(InspectionPlans plans, InspectionTemplates templates, Calendars calendars, JdbcClient jdbc,
			DataSource dataSource) {
		this.plans = plans;
		this.templates = templates;
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "inspections";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity", "cmdb");
	}

	@Override
	public int chunks(DatasetPlan plan) {
		return 2;
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		SplittableRandom random = plan.random(name(), chunk);
		return chunk == 0 ? plansAndTasks(plan, context, random) : checks(plan, context, random);
	}

	private long plansAndTasks(DatasetPlan plan, DatasetContext context, SplittableRandom random) {
		List<Long> providers = context.get("identity.providerParties");
		Map<Long, List<Long>> agents = context.get("identity.agents");
		Map<Long, Long> deskManagers = context.get("identity.deskManagers");
		Map<Long, String> names = context.get("identity.names");
		Map<String, List<Long>> ofClass = context.has("cmdb.itemsOfClass") ? context.get("cmdb.itemsOfClass")
				: Map.of();
		Map<Long, String> labels = context.has("cmdb.itemLabels") ? context.get("cmdb.itemLabels") : Map.of();
		List<Long> servers = ofClass.getOrDefault("PHYSICAL_SERVER", List.of());
		List<Long> devices = ofClass.getOrDefault("NETWORK_DEVICE", List.of());
		long calendarId = calendars.defaultCalendarId();
		BusinessCalendar calendar = calendars.get(calendarId);
		LocalDate last = LocalDate.ofInstant(plan.anchor(), calendar.zone());
		LocalDate first = last.minusDays(730);
		// the plans first: no statement may run on the connection while its COPY is open
		List<Planned> planned = new ArrayList<>();
		for (int p = 0; p < providers.size(); p++) {
			long party = providers.get(p);
			List<Long> rota = agents.getOrDefault(party, List.of());
			Long owner = deskManagers.get(party);
			if (rota.isEmpty() || owner == null) {
				continue;
			}
			List<PlanTarget> rooms = new ArrayList<>();
			for (String room : ROOMS) {
				rooms.add(PlanTarget.place(room + "（" + (p + 1) + " 号运维区）"));
			}
			List<PlanTarget> serverTargets = share(servers, p, providers.size(), SERVERS_PER_PROVIDER, labels);
			List<PlanTarget> deviceTargets = share(devices, p, providers.size(), DEVICES_PER_PROVIDER, labels);
			planned.add(plan(party, owner, "机房日常巡检", "机房日常巡检", new InspectionSchedule(Frequency.DAILY, null,
					null, false), calendarId, LocalTime.of(10, 0), first, rooms, rota));
			if (!serverTargets.isEmpty()) {
				planned.add(plan(party, owner, "服务器巡检", "服务器周巡检", new InspectionSchedule(Frequency.WEEKLY,
						DayOfWeek.MONDAY, null, true), calendarId, LocalTime.of(17, 0), first, serverTargets, rota));
			}
			if (!deviceTargets.isEmpty()) {
				planned.add(plan(party, owner, "网络设备巡检", "网络设备月巡检", new InspectionSchedule(
						Frequency.MONTHLY, null, 1, true), calendarId, LocalTime.of(17, 0), first, deviceTargets,
						rota));
			}
		}
		for (Planned one : planned) {
			plans.markGenerated(one.id, last);
		}
		// which days each schedule falls on, read from the calendar before the COPY too
		Map<InspectionSchedule, List<LocalDate>> days = new LinkedHashMap<>();
		for (Planned one : planned) {
			days.computeIfAbsent(one.schedule, schedule -> {
				List<LocalDate> falls = new ArrayList<>();
				for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
					if (schedule.fallsOn(day, calendar)) {
						falls.add(day);
					}
				}
				return falls;
			});
		}
		long written = planned.size();
		try (CopyRows tasks = CopyRows.into(dataSource, "inspection_task", """
				plan_id, target_id, party_id, template_version_id, scheduled_on, due_at, assignee_id, status, results,
				signature, anomalies, started_at, submitted_at, escalated_at, created_at""")) {
			for (Planned one : planned) {
				for (LocalDate day : days.get(one.schedule)) {
					Instant due = day.atTime(one.dueTime).atZone(calendar.zone()).toInstant();
					for (int t = 0; t < one.targetIds.size(); t++) {
						long assignee = one.rota.get((int) Math.floorMod(day.toEpochDay() + t, (long) one.rota.size()));
						task(tasks, one, t, one.party, day, due, assignee, names.getOrDefault(assignee, "巡检员"),
								plan.anchor(), random);
					}
				}
			}
			written += tasks.finish();
		}
		return written;
	}

	/** One task as the application would have left it by the anchor. */
	private static void task(CopyRows tasks, Planned plan, int target, long party, LocalDate day, Instant due,
			long assignee, String name, Instant anchor, SplittableRandom random) {
		Instant created = day.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant().plus(Duration.ofMinutes(5));
		int fate = random.nextInt(1000);
		if (!due.plus(Duration.ofHours(4)).isBefore(anchor) || fate < 8) {
			// still to do: the days around the anchor, and a few that nobody did (escalated once overdue)
			Instant escalated = due.isBefore(anchor) ? due.plus(Duration.ofMinutes(5)) : null;
			if (escalated != null && escalated.isAfter(anchor)) {
				escalated = null;
			}
			tasks.row(plan.id, plan.targetIds.get(target), party, plan.versionId, day, due, assignee, "OPEN", "{}",
					null, 0, null, null, escalated, created);
			return;
		}
		boolean late = fate < 80;
		Instant submitted = late ? due.plus(Duration.ofMinutes(10 + random.nextInt(180)))
				: due.minus(Duration.ofMinutes(5 + random.nextInt(300)));
		Map<String, Map<String, String>> results = new LinkedHashMap<>();
		int anomalies = 0;
		for (ChecklistItem item : plan.items) {
			String value;
			String note = null;
			switch (item.kind()) {
				case PASS_FAIL -> {
					boolean fail = random.nextInt(200) == 0;
					value = fail ? "FAIL" : "PASS";
					if (fail) {
						anomalies++;
						note = "现场发现异常，已报修";
					}
				}
				case NUMBER -> {
					BigDecimal reading = reading(item, random);
					value = reading.toPlainString();
					if (item.outOfRange(reading)) {
						anomalies++;
						note = "读数超出正常范围，已报告";
					}
				}
				default -> {
					continue;
				}
			}
			Map<String, String> result = new LinkedHashMap<>();
			result.put("value", value);
			if (note != null) {
				result.put("note", note);
			}
			results.put(item.key(), result);
		}
		tasks.row(plan.id, plan.targetIds.get(target), party, plan.versionId, day, due, assignee, "DONE",
				JSON.writeValueAsString(results), name, anomalies, submitted.minus(Duration.ofMinutes(20)), submitted,
				late ? due.plus(Duration.ofMinutes(5)) : null, created);
	}

	/** A reading within the normal range, one time in a hundred beyond its upper bound. */
	private static BigDecimal reading(ChecklistItem item, SplittableRandom random) {
		double low = item.min() == null ? 0 : item.min().doubleValue();
		double high = item.max() == null ? low * 3 + 100 : item.max().doubleValue();
		double value = random.nextInt(100) == 0 && item.max() != null ? high * (1.05 + random.nextDouble() * 0.2)
				: low + (high - low) * (0.2 + random.nextDouble() * 0.6);
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	/** The provider's share of the items: every {@code providers}-th from its position, at most {@code most}. */
	private static List<PlanTarget> share(List<Long> items, int position, int providers, int most,
			Map<Long, String> labels) {
		List<PlanTarget> targets = new ArrayList<>();
		for (int i = position; i < items.size() && targets.size() < most; i += providers) {
			long id = items.get(i);
			targets.add(PlanTarget.item(id, labels.getOrDefault(id, "设备 " + id)));
		}
		return targets;
	}

	private Planned plan(long party, long owner, String templateName, String name, InspectionSchedule schedule,
			long calendarId, LocalTime dueTime, LocalDate startsOn, List<PlanTarget> targets, List<Long> rota) {
		long templateId = jdbc.sql("select id from inspection_template where party_id is null and name = ?")
			.param(templateName).query(Long.class).single();
		InspectionTemplates.TemplateVersion version = templates.current(templateId);
		long id = plans.insert(party, owner, new PlanContent(name, templateId, schedule, calendarId, dueTime, startsOn,
				null, targets, rota));
		List<Long> targetIds = plans.targets(id).stream().map(PlanTarget::id).toList();
		return new Planned(id, party, version.id(), version.checklist().items(), schedule, dueTime, targetIds,
				List.copyOf(rota));
	}

	private record Planned(long id, long party, long versionId, List<ChecklistItem> items,
			InspectionSchedule schedule, LocalTime dueTime, List<Long> targetIds, List<Long> rota) {
	}

	/** Automated checks on the shared infrastructure, a week of results each. */
	private long checks(DatasetPlan plan, DatasetContext context, SplittableRandom random) {
		List<Long> providers = context.get("identity.providerParties");
		Map<Long, Long> deskManagers = context.get("identity.deskManagers");
		List<Long> infrastructure = context.has("cmdb.infrastructure") ? context.get("cmdb.infrastructure")
				: List.of();
		Map<Long, String> labels = context.has("cmdb.itemLabels") ? context.get("cmdb.itemLabels") : Map.of();
		Instant end = plan.anchor();
		Instant start = end.minus(CHECK_HISTORY);
		// the checks first: no statement may run on the connection while its COPY is open
		record Made(long id, long party, CheckKind kind) {
		}
		List<Made> made = new ArrayList<>();
		for (int p = 0; p < providers.size(); p++) {
			long party = providers.get(p);
			Long owner = deskManagers.get(party);
			if (owner == null) {
				continue;
			}
			int count = 0;
			for (int i = p; i < infrastructure.size() && count < CHECKS_PER_PROVIDER; i += providers.size()) {
				long item = infrastructure.get(i);
				String label = labels.getOrDefault(item, "设备 " + item);
				String address = "10." + (20 + p) + "." + (i / 250) + "." + (1 + i % 250);
				CheckKind kind = new CheckKind[] { CheckKind.PING, CheckKind.TCP, CheckKind.HTTP }[count % 3];
				String target = kind == CheckKind.HTTP ? "https://" + address + "/health" : address;
				Integer port = kind == CheckKind.TCP ? Integer.valueOf(22) : null;
				long id = jdbc.sql("""
						insert into inspection_check (party_id, owner_id, provider_party_id, name, kind, target, port,
						  ci_id, ci_name, interval_seconds, timeout_millis, failures_to_alert, active, next_run_at,
						  created_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3000, 3, false, ?, ?, ?) returning id""")
					.params(party, owner, party, label + " " + kindName(kind), kind.name(), target, port, item, label,
							CHECK_INTERVAL, Timestamp.from(end), Timestamp.from(start), Timestamp.from(start))
					.query(Long.class).single();
				made.add(new Made(id, party, kind));
				count++;
			}
		}
		long written = made.size();
		List<CheckOutcomeRow> lasts = new ArrayList<>();
		try (CopyRows results = CopyRows.into(dataSource, "inspection_check_result",
				"check_id, party_id, ran_at, outcome, millis, detail_key, detail_args, action")) {
			for (Made check : made) {
				CheckOutcomeRow last = history(results, check.id(), check.party(), check.kind(), start, end, random);
				lasts.add(last);
				written += last.rows();
			}
			results.finish();
		}
		for (int i = 0; i < made.size(); i++) {
			CheckOutcomeRow last = lasts.get(i);
			jdbc.sql("""
					update inspection_check set last_outcome = ?, last_run_at = ?, consecutive_failures = ?,
					  failure_told = ? where id = ?""")
				.params(last.outcome(), Timestamp.from(last.at()), last.failures(), last.failures() >= 3,
						made.get(i).id())
				.update();
		}
		return written;
	}

	/** A run every interval; now and then an outage of a few runs (told to the owner at the third) or a slow hour. */
	private static CheckOutcomeRow history(CopyRows results, long checkId, long party, CheckKind kind, Instant start, Instant end,
			SplittableRandom random) {
		long rows = 0;
		int outage = 0;
		int failures = 0;
		int slow = 0;
		int base = kind == CheckKind.HTTP ? 40 + random.nextInt(80) : 1 + random.nextInt(5);
		CheckOutcomeRow last = null;
		for (Instant at = start; at.isBefore(end); at = at.plusSeconds(CHECK_INTERVAL)) {
			if (outage == 0 && slow == 0) {
				int roll = random.nextInt(1500);
				outage = roll == 0 ? 1 + random.nextInt(6) : 0;
				slow = roll == 1 ? 12 : 0;
			}
			String outcome;
			int millis;
			String detail;
			String args;
			String action = null;
			if (outage > 0) {
				outage--;
				failures++;
				outcome = "DOWN";
				millis = 3000;
				detail = "check.detail.timeout";
				args = "[3000]";
				if (failures == 3) {
					action = "TOLD";
				}
			}
			else {
				if (failures >= 3) {
					action = "RECOVERED";
				}
				failures = 0;
				if (slow > 0) {
					slow--;
				}
				millis = slow > 0 ? base * 20 : base + random.nextInt(base + 1);
				outcome = "UP";
				detail = kind == CheckKind.HTTP ? "check.detail.http.ok" : kind == CheckKind.TCP ? "check.detail.tcp.ok"
						: "check.detail.ping.reachable";
				args = kind == CheckKind.HTTP ? "[200]" : kind == CheckKind.TCP ? "[22]" : "[]";
			}
			results.row(checkId, party, at, outcome, millis, detail, args, action);
			rows++;
			last = new CheckOutcomeRow(outcome, at, failures, rows);
		}
		return last;
	}

	/** The state the last run left, and how many results were written. */
	private record CheckOutcomeRow(String outcome, Instant at, int failures, long rows) {
	}

	private static String kindName(CheckKind kind) {
		return switch (kind) {
			case PING -> "连通性检查";
			case TCP -> "SSH 端口检查";
			case HTTP -> "HTTPS 健康检查";
			default -> "检查";
		};
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		context.count("inspectionPlans", jdbc.sql("select count(*) from inspection_plan").query(Long.class).single());
		context.count("inspectionTasks", jdbc.sql("select count(*) from inspection_task").query(Long.class).single());
		context.count("automatedChecks", jdbc.sql("select count(*) from inspection_check").query(Long.class).single());
	}
}
