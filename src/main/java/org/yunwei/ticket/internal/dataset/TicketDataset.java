package org.yunwei.ticket.internal.dataset;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.CopyRows;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetRating;
import org.yunwei.dataset.DatasetService;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.PastClock;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevels;
import org.yunwei.sla.SlaClockImport;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.PriorityMatrix;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.statistics.TicketVolumeFolding;

/**
 * The generated tickets: {@link DatasetPlan#tickets()} service requests and incidents created over the two years
 * before the plan's anchor, in chunks of consecutive creation times. Each ticket lives a life (assigned, worked,
 * perhaps pending, resolved, confirmed or closed by the system, sometimes rated) drawn against its SLA targets, cut
 * off at the anchor: so most are closed, those of the last days open at whatever stage they reached, and a few old
 * ones are stuck. The timeline, the clocks (through {@link SlaClockImport}, which raises the thresholds passed) and
 * the copies on the ticket (due times, breaches) follow from that life, as the application would have written them;
 * numbers are given per type and day with the counters left at the last number.
 * <p>
 * Reads the facts of {@code identity}, {@code catalog}, {@code sla} and {@code ticket-groups}; publishes the drawn
 * ratings as {@code tickets.ratings} for the evaluation contributor, which owns the ratings and writes them.
 */
@Component
class TicketDataset implements Dataset {

	static final int DAYS = 730;
	/** {@code Map<Long, DatasetRating>}: the generated ratings by ticket id, which evaluation writes. */
	static final String RATINGS = "tickets.ratings";
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final String[] KIND_ORDER = { "OFFICE_EQUIPMENT", "INFRASTRUCTURE", "GOVERNMENT_CLOUD",
			"NETWORK_SECURITY" };
	private static final int[] KIND_WEIGHT = { 40, 15, 25, 20 };
	private static final Map<String, String> KIND_LABEL = Map.of("OFFICE_EQUIPMENT", "办公设备", "INFRASTRUCTURE",
			"基础环境设施", "GOVERNMENT_CLOUD", "政务云", "NETWORK_SECURITY", "电子政务外网安全");

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final SlaClockImport clockImport;
	private final ServiceLevels serviceLevels;
	private final Calendars calendars;
	private final PriorityMatrix matrix;
	private final TicketVolumeFolding volumeFolding;
	private final ZoneId zone;
	private final int autoCloseDays;
	private final Map<String, Optional<AppliedAgreement>> agreements = new ConcurrentHashMap<>();

	TicketDataset(JdbcClient jdbc, DataSource dataSource, SlaClockImport clockImport, ServiceLevels serviceLevels,
			Calendars calendars, PriorityMatrix matrix, TicketVolumeFolding volumeFolding, TicketSettings settings) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clockImport = clockImport;
		this.serviceLevels = serviceLevels;
		this.calendars = calendars;
		this.matrix = matrix;
		this.volumeFolding = volumeFolding;
		this.zone = settings.zone();
		this.autoCloseDays = settings.autoCloseBusinessDays() == null || settings.autoCloseBusinessDays() <= 0 ? 3
				: settings.autoCloseBusinessDays();
	}

	@Override
	public String name() {
		return "tickets";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity", "catalog", "sla", "ticket-groups");
	}

	@Override
	public int chunks(DatasetPlan plan) {
		return plan.chunksOf(plan.tickets());
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		City city = new City(context);
		SplittableRandom random = plan.random(name(), chunk);
		int from = chunk * plan.chunkSize();
		int to = (int) Math.min(plan.tickets(), (long) from + plan.chunkSize());
		Instant[] created = creationTimes(plan, from, to, random);
		Map<String, Priority> priorities = new HashMap<>();
		matrix.cells().forEach(c -> priorities.put(c.impact() + ":" + c.urgency(), c.priority()));
		List<GeneratedTicket> lives = new ArrayList<>(to - from);
		for (int i = 0; i < created.length; i++) {
			lives.add(life(plan, from + i, created[i], city, priorities, random));
		}
		long ticketBase = jdbc.sql("select coalesce(max(id), 0) + 1 from ticket").query(Long.class).single();
		List<PastClock> clocks = new ArrayList<>();
		List<int[]> owners = new ArrayList<>();
		for (int i = 0; i < lives.size(); i++) {
			GeneratedTicket life = lives.get(i);
			life.id = ticketBase + i;
			if (life.agreement != null) {
				clocks.add(life.clock(ClockKind.RESPONSE));
				clocks.add(life.clock(ClockKind.RESOLUTION));
				owners.add(new int[] { i, 0 });
				owners.add(new int[] { i, 1 });
			}
		}
		List<PastClock.Written> written = clockImport.write(clocks, plan.anchor());

		for (int c = 0; c < written.size(); c++) {
			lives.get(owners.get(c)[0]).clockWritten(owners.get(c)[1] == 0 ? ClockKind.RESPONSE : ClockKind.RESOLUTION,
					written.get(c));
		}
		number(lives);
		long rows = written.size();
		rows += copyTickets(lives);
		rows += copyEntries(lives);
		jdbc.sql("select setval(pg_get_serial_sequence('ticket', 'id'), (select max(id) from ticket))")
			.query(Long.class).single();
		jdbc.sql("select setval(pg_get_serial_sequence('ticket_entry', 'id'), (select max(id) from ticket_entry))")
			.query(Long.class).single();
		return rows;
	}

	/**
	 * The creation times of tickets {@code from}..{@code to}: spread over their share of the two years, more on
	 * working days and in office hours, in order.
	 */
	private Instant[] creationTimes(DatasetPlan plan, int from, int to, SplittableRandom random) {
		Instant start = plan.anchor().minus(Duration.ofDays(DAYS));
		long span = Duration.ofDays(DAYS).toSeconds();
		long windowStart = span * from / Math.max(plan.tickets(), 1);
		long windowEnd = span * to / Math.max(plan.tickets(), 1);
		Instant[] times = new Instant[to - from];
		for (int i = 0; i < times.length; i++) {
			while (true) {
				long offset = windowStart + (long) (random.nextDouble() * Math.max(windowEnd - windowStart, 1));
				Instant candidate = start.plusSeconds(offset);
				var local = candidate.atZone(zone);
				int hour = local.getHour();
				boolean weekend = local.getDayOfWeek().getValue() >= 6;
				double weight = (hour >= 9 && hour < 18 ? 1.0 : hour >= 7 && hour < 22 ? 0.25 : 0.06)
						* (weekend ? 0.2 : 1.0);
				if (random.nextDouble() < weight) {
					times[i] = candidate;
					break;
				}
			}
		}
		Arrays.sort(times);
		return times;
	}

	private GeneratedTicket life(DatasetPlan plan, int index, Instant created, City city, Map<String, Priority> priorities,
			SplittableRandom random) {
		GeneratedTicket life = new GeneratedTicket();
		life.index = index;
		life.created = created;
		life.anchor = plan.anchor();
		long unit = city.unit(random);
		life.unit = unit;
		DatasetService service = city.service(unit, random);
		life.service = service;
		life.type = random.nextInt(100) < 55 ? TicketType.INCIDENT : TicketType.SERVICE_REQUEST;
		var templates = (life.type == TicketType.INCIDENT ? TicketDatasetTexts.INCIDENTS : TicketDatasetTexts.REQUESTS)
			.get(service.serviceObject());
		var template = templates.get(random.nextInt(templates.size()));
		life.subject = TicketDatasetTexts.fill(template.subject(), random);
		List<Long> reporters = city.customerUsers.getOrDefault(unit, List.of());
		life.reporter = reporters.isEmpty() ? null : reporters.get(random.nextInt(reporters.size()));
		life.reporterName = life.reporter == null ? "来电用户" : city.names.get(life.reporter);
		life.channel = channel(life.type, service.serviceObject(), random);
		if (life.channel == Channel.MONITORING) {
			life.reporter = null;
			life.reporterName = "Zabbix 监控";
		}
		life.description = TicketDatasetTexts.fill(template.detail(), random) + "。"
				+ TicketDatasetTexts.pick(TicketDatasetTexts.URGENCY_NOTES, random) + "联系人：" + life.reporterName
				+ "，" + TicketDatasetTexts.pick(TicketDatasetTexts.LOCATIONS, random) + "。";
		life.work = TicketDatasetTexts.fill(template.work(), random);
		life.resolutionText = template.resolution() + "。";
		// about 3 % P1, 15 % P2, 50 % P3, 32 % P4 with the default matrix
		int p = random.nextInt(100);
		boolean either = random.nextBoolean();
		int[] impactUrgency = p < 3 ? new int[] { 1, 1 } : p < 18 ? (either ? new int[] { 1, 2 } : new int[] { 2, 1 })
				: p < 68 ? (either ? new int[] { 2, 2 } : new int[] { 1, 3 })
						: (either ? new int[] { 3, 3 } : new int[] { 2, 3 });
		life.impact = impactUrgency[0];
		life.urgency = impactUrgency[1];
		life.priority = priorities.getOrDefault(life.impact + ":" + life.urgency, Priority.P3);
		List<Long> groups = city.groupsOfProvider.getOrDefault(service.providerPartyId(), List.of());
		if (!groups.isEmpty()) {
			life.group = groups.get(groups.size() > 1 && random.nextInt(10) == 0 ? 1 : 0);
			List<Long> members = city.groupMembers.getOrDefault(life.group, List.of());
			life.assignee = members.isEmpty() ? null : members.get(random.nextInt(members.size()));
		}
		life.agentName = life.assignee == null ? "服务台" : city.names.getOrDefault(life.assignee, "服务台");
		life.configurationItem = switch (service.serviceObject()) {
			case "GOVERNMENT_CLOUD" -> "zw-app-%03d".formatted(1 + random.nextInt(400));
			case "OFFICE_EQUIPMENT" -> random.nextBoolean() ? "PC-%05d".formatted(random.nextInt(50_000)) : null;
			default -> null;
		};
		life.category = KIND_LABEL.get(service.serviceObject());
		life.agreement = agreement(unit, service.id(), life.priority, LocalDate.ofInstant(created, zone)).orElse(null);
		life.plan(random, calendar(life.agreement), autoCloseDays, plan.anchor());
		return life;
	}

	private static Channel channel(TicketType type, String kind, SplittableRandom random) {
		int c = random.nextInt(100);
		if (type == TicketType.SERVICE_REQUEST) {
			return c < 60 ? Channel.PORTAL : c < 85 ? Channel.PHONE : c < 95 ? Channel.EMAIL : Channel.API;
		}
		if (c < 15 && !kind.equals("OFFICE_EQUIPMENT")) {
			return Channel.MONITORING;
		}
		return c < 50 ? Channel.PORTAL : c < 85 ? Channel.PHONE : c < 95 ? Channel.EMAIL : Channel.API;
	}

	private Optional<AppliedAgreement> agreement(long unit, long service, Priority priority, LocalDate day) {
		return agreements.computeIfAbsent(unit + ":" + service + ":" + priority,
				key -> serviceLevels.resolve(unit, service, priority, day));
	}

	private BusinessCalendar calendar(AppliedAgreement agreement) {
		return agreement == null || agreement.calendarId() == null ? calendars.defaultCalendar()
				: calendars.get(agreement.calendarId());
	}

	/** Numbers per type and day, after the counters' last numbers, which are then moved on. */
	private void number(List<GeneratedTicket> lives) {
		if (lives.isEmpty()) {
			return;
		}
		LocalDate first = LocalDate.ofInstant(lives.getFirst().created, zone);
		LocalDate last = LocalDate.ofInstant(lives.getLast().created, zone);
		Map<String, Integer> counters = new LinkedHashMap<>();
		jdbc.sql("select prefix, day, last from ticket_number_counter where day between ? and ?")
			.params(Date.valueOf(first), Date.valueOf(last))
			.query((rs, n) -> counters.put(rs.getString(1) + "|" + rs.getDate(2).toLocalDate(), rs.getInt(3)))
			.list();
		for (GeneratedTicket life : lives) {
			LocalDate day = LocalDate.ofInstant(life.created, zone);
			String prefix = life.type.prefix();
			int n = counters.merge(prefix + "|" + day, 1, Integer::sum);
			life.number = prefix + "-" + DAY.format(day) + "-" + (n < 10000 ? "%04d".formatted(n) : n);
		}
		counters.forEach((key, value) -> jdbc.sql("""
				insert into ticket_number_counter (prefix, day, last) values (?, ?, ?)
				on conflict (prefix, day) do update set last = greatest(ticket_number_counter.last, excluded.last)""")
			.params(key.substring(0, key.indexOf('|')), Date.valueOf(LocalDate.parse(key.substring(key.indexOf('|') + 1))),
					value)
			.update());
	}

	private long copyTickets(List<GeneratedTicket> lives) {
		try (CopyRows rows = CopyRows.into(dataSource, "ticket", """
				id, number, type, status, pending_reason, channel, subject, description, reporter_user_id, reporter_name,
				customer_org_unit_id, provider_party_id, service_id, service_object, configuration_item, category,
				impact, urgency, priority, group_id, assignee_user_id, agreement_id, response_due_at,
				resolution_due_at, responded_at, resolved_at, closed_at, resolution_code, resolution_text, alert_key,
				created_at, updated_at, version, response_breached_at, resolution_breached_at""")) {
			for (GeneratedTicket t : lives) {
				boolean assigned = t.status != TicketStatus.NEW;
				rows.row(t.id, t.number, t.type.name(), t.status.name(),
						t.status == TicketStatus.PENDING ? t.pendingReason.name() : null, t.channel.name(), t.subject,
						t.description, t.reporter, t.reporterName, t.unit, t.service.providerPartyId(), t.service.id(),
						t.service.serviceObject(), t.configurationItem, t.category, t.impact, t.urgency,
						t.priority.name(), assigned ? t.group : null, assigned ? t.assignee : null,
						t.agreement == null ? null : t.agreement.agreementId(), t.responseDue, t.resolutionDue,
						t.seen(t.respondAt), t.seen(t.resolveAt), t.seen(t.closeAt),
						t.seen(t.resolveAt) == null ? null : t.resolutionCode.name(),
						t.seen(t.resolveAt) == null ? null : t.resolutionText,
						t.channel == Channel.MONITORING ? "zabbix:gen-" + t.index : null, t.created, t.updatedAt(),
						t.entries().size(), t.responseBreach, t.resolutionBreach);
			}
			return rows.finish();
		}
	}

	private long copyEntries(List<GeneratedTicket> lives) {
		long entryBase = jdbc.sql("select coalesce(max(id), 0) + 1 from ticket_entry").query(Long.class).single();
		try (CopyRows rows = CopyRows.into(dataSource, "ticket_entry",
				"id, ticket_id, kind, public, author_user_id, author_name, body, details, minutes_spent, created_at")) {
			long id = entryBase;
			for (GeneratedTicket t : lives) {
				for (GeneratedTicket.Entry e : t.entries()) {
					rows.row(id++, t.id, e.kind().name(), e.visible(), e.author(), e.authorName(), e.body(),
							e.details(), e.minutes(), e.at());
				}
			}
			return rows.finish();
		}
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		// the statistics' daily rollup counted once all tickets are there (the generator schedules nothing), rather
		// than at the application's first start beside its first users; a no-op fold when it is up to date
		volumeFolding.bringUpToDate();
		context.count("tickets", jdbc.sql("select count(*) from ticket").query(Long.class).single());
		context.count("openTickets", jdbc.sql("""
				select count(*) from ticket where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')""")
			.query(Long.class).single());
		context.put(RATINGS, ratings());
	}

	/**
	 * The ratings drawn with the tickets' lives, read back from their RATING timeline entries (which the chunks wrote
	 * from the same drawn rating), for the evaluation contributor, which owns the ratings table, to write. The few
	 * distinct comments and names are shared, the fact being held in memory for the whole run.
	 */
	private Map<Long, DatasetRating> ratings() {
		Map<String, String> shared = new HashMap<>();
		Map<Long, DatasetRating> ratings = new HashMap<>();
		jdbc.sql("""
				select ticket_id, (details ->> 'score')::int, body, author_user_id, author_name, created_at
				from ticket_entry where kind = 'RATING' and author_user_id is not null""")
			.query((RowCallbackHandler) rs -> ratings.put(rs.getLong(1),
					new DatasetRating(rs.getLong(1), rs.getInt(2), share(shared, rs.getString(3)), rs.getLong(4),
							share(shared, rs.getString(5)), rs.getTimestamp(6).toInstant())));
		return ratings;
	}

	private static String share(Map<String, String> shared, String text) {
		return text == null ? null : shared.computeIfAbsent(text, t -> t);
	}

	/** The facts of the earlier contributors that a chunk draws from. */
	private static final class City {

		final Map<Long, List<Long>> customerUsers;
		final Map<Long, String> names;
		final Map<Long, List<Long>> groupsOfProvider;
		final Map<Long, List<Long>> groupMembers;
		final List<Long> bureaus;
		final Map<Long, List<Long>> bureauUnits;
		final double[] bureauWeights;
		final Map<Long, List<DatasetService>> orderable = new HashMap<>();

		City(DatasetContext context) {
			customerUsers = context.get("identity.customerUsers");
			names = context.get("identity.names");
			groupsOfProvider = context.get("ticket.groupsOfProvider");
			groupMembers = context.get("ticket.groupMembers");
			bureauUnits = context.get("identity.bureaus");
			bureaus = List.copyOf(bureauUnits.keySet());
			bureauWeights = new double[bureaus.size()];
			double total = 0;
			for (int b = 0; b < bureaus.size(); b++) {
				// some departments call the desk far more than others
				total += 1.0 / (1 + b * 0.15);
				bureauWeights[b] = total;
			}
			List<DatasetService> services = context.get(DatasetContext.SERVICES);
			for (DatasetService service : services) {
				for (long unit : service.orgUnitIds()) {
					orderable.computeIfAbsent(unit, u -> new ArrayList<>()).add(service);
				}
			}
		}

		long unit(SplittableRandom random) {
			double r = random.nextDouble() * bureauWeights[bureauWeights.length - 1];
			int b = 0;
			while (bureauWeights[b] < r) {
				b++;
			}
			List<Long> units = bureauUnits.get(bureaus.get(b));
			return units.get(random.nextInt(units.size()));
		}

		DatasetService service(long unit, SplittableRandom random) {
			List<DatasetService> services = orderable.get(unit);
			if (services == null || services.isEmpty()) {
				throw new IllegalStateException("Customer unit " + unit + " may order no generated service");
			}
			int r = random.nextInt(100);
			int kind = 0;
			for (int acc = KIND_WEIGHT[0]; acc <= r && kind < KIND_ORDER.length - 1; acc += KIND_WEIGHT[++kind]) {
				// the kind whose share of 100 holds r
			}
			String wanted = KIND_ORDER[kind];
			List<DatasetService> ofKind = services.stream().filter(s -> s.serviceObject().equals(wanted)).toList();
			List<DatasetService> from = ofKind.isEmpty() ? services : ofKind;
			return from.get(random.nextInt(from.size()));
		}
	}

	static Instant minutes(Instant at, long min, long max, SplittableRandom random) {
		return at.plusSeconds(60 * min + random.nextLong(Math.max(1, 60 * (max - min)))).truncatedTo(ChronoUnit.SECONDS);
	}
}
