package org.yunwei.ticket.internal.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.ThrowingSupplier;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Permission;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.web.Alongside;
import org.yunwei.web.RejectedRequest;

/**
 * Ticket statistics (事件统计信息, 运维相关数据统计报告) as their readers ask for them: volumes by dimension, the
 * summary of speed and SLA attainment, the open backlog by age and the trend, each within the reader's scope
 * (management and supervision all tickets, a provider its own party's, a customer its own subtree). Reading needs
 * TICKET_REPORT and is not audited; exporting is, being a copy leaving the system. {@code docs/ticket-statistics.md}
 * defines every figure.
 */
@Service
class TicketStatistics {

	/** The backlog's age buckets, youngest first, as keys of the API and the bundle. */
	static final List<String> AGES = List.of("LT_1D", "D1_3", "D3_7", "D7_30", "GT_30D");

	/** The summary's links to the tickets its attainment counted and those that met each clock. */
	private static final Map<TicketQuery.SlaOutcome, String> SLA_LINKS = Map.of(TicketQuery.SlaOutcome.ANY,
			"slaCounted", TicketQuery.SlaOutcome.RESPONSE_MET, "responseSlaMet", TicketQuery.SlaOutcome.RESOLUTION_MET,
			"resolutionSlaMet");

	private final TicketStatisticsReading reading;
	private final TicketVolumes counts;
	private final TicketStatisticsLabels labels;
	private final TicketStatisticsWorkbook workbook;
	private final Actors actors;
	private final AuditTrail audit;
	private final ZoneId zone;

	TicketStatistics(TicketStatisticsReading reading, TicketVolumes counts, TicketStatisticsLabels labels,
			TicketStatisticsWorkbook workbook, Actors actors, AuditTrail audit, TicketSettings settings) {
		this.reading = reading;
		this.counts = counts;
		this.labels = labels;
		this.workbook = workbook;
		this.actors = actors;
		this.audit = audit;
		this.zone = settings.zone();
	}

	/** A value of a dimension (or an age bucket), its count, and the ticket list behind it ({@code null}: none). */
	public record Count(String key, String label, long count, String link) {
	}

	/** Tickets created in the period by one dimension, most frequent first. */
	public record Volumes(LocalDate from, LocalDate to, String groupBy, long total, List<Count> rows) {
	}

	/** Attainment of one SLA clock kind: tickets with an SLA resolved in the period, those without a breach. */
	public record Attainment(long counted, long met, BigDecimal rate) {

		static Attainment of(long counted, long met) {
			return new Attainment(counted, met, counted == 0 ? null
					: BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP));
		}
	}

	/**
	 * The period at a glance; times in seconds, {@code null} when no resolved ticket was measured. {@code links}
	 * lead from each count to the ticket list.
	 */
	public record Summary(LocalDate from, LocalDate to, long created, long resolved, long closed, long openBacklog,
			long overdueBacklog, Long meanTimeToRespondSeconds, Long medianTimeToRespondSeconds,
			Long meanTimeToResolveSeconds, Long medianTimeToResolveSeconds, Attainment responseSla,
			Attainment resolutionSla, Map<String, String> links) {
	}

	/** The tickets open at {@code at}, by age. */
	public record BacklogAge(Instant at, long total, long overdue, List<Count> buckets) {
	}

	/** One day ({@code 2026-03-01}) or month ({@code 2026-03}) of a trend. */
	public record Point(String period, long created, long resolved) {
	}

	public record Trend(LocalDate from, LocalDate to, String granularity, List<Point> points) {
	}

	/** Everything the dashboard and the export show for one period. */
	public record Report(TicketStatisticsPeriod period, Summary summary, Map<TicketStatisticsDimension, Volumes> volumes,
			BacklogAge backlog, Trend trend) {
	}

	@Transactional(readOnly = true)
	public Volumes volumes(TicketStatisticsPeriod period, TicketStatisticsDimension dimension, Locale locale) {
		var tallies = counts.counted(period, scope(), EnumSet.of(dimension), null).created();
		return volumes(period, tallies, null, labels.namer(locale)).get(dimension);
	}

	@Transactional(readOnly = true)
	public Summary summary(TicketStatisticsPeriod period) {
		DataScope scope = scope();
		DataScope.Condition condition = condition(scope);
		var counted = counts.counted(period, scope, EnumSet.of(TicketStatisticsDimension.TYPE), null);
		return summary(period, total(counted), reading.resolved(period.start(zone), period.end(zone), condition),
				counted.closed(), reading.backlog(Instant.now(), condition));
	}

	@Transactional(readOnly = true)
	public BacklogAge backlog(Locale locale) {
		Instant now = Instant.now();
		return backlog(reading.backlog(now, condition(scope())), now, labels.namer(locale));
	}

	@Transactional(readOnly = true)
	public Trend trend(TicketStatisticsPeriod period, TicketStatisticsGranularity granularity) {
		var counted = counts.counted(period, scope(), EnumSet.noneOf(TicketStatisticsDimension.class), granularity);
		return trend(period, granularity, points(period, granularity, counted));
	}

	/**
	 * All views of the period at once, as the dashboard shows them; customers, services and categories beyond the
	 * {@code top} most frequent are summed up as "others" (without a list to go to).
	 */
	@Transactional(readOnly = true)
	public Report report(TicketStatisticsPeriod period, TicketStatisticsGranularity granularity, Locale locale,
			int top) {
		return report(period, granularity, locale, scope(), top);
	}

	/**
	 * Writes every view of the period as a workbook, one sheet each, and puts the export on the audit trail in the
	 * same transaction. {@code out} is opened only once the reader is known to be allowed.
	 */
	@Transactional
	public void export(TicketStatisticsPeriod period, TicketStatisticsGranularity granularity, Locale locale,
			ThrowingSupplier<OutputStream> out) throws IOException {
		// before the response is opened, so that a refused reader gets a problem, not half a download
		DataScope scope = scope();
		Report report = report(period, granularity, locale, scope, null);
		Map<String, Object> exported = new LinkedHashMap<>();
		exported.put("from", period.from().toString());
		exported.put("to", period.to().toString());
		exported.put("granularity", report.trend().granularity());
		exported.put("scope", scope.partyKind() + " " + scope.partyId());
		exported.put("created", report.summary().created());
		audit.record(AuditEntry.of("TICKET_STATISTICS_EXPORT", "ticket", null).after(exported)
			.detail(period.from() + "/" + period.to()));
		workbook.write(report, locale, out.get());
	}

	/**
	 * The report in three queries: the counts of the period (created by every dimension and step, resolved by step,
	 * closed; from the daily rollup where it serves), the measures of the tickets resolved in it (times and SLA
	 * attainment: medians need every ticket), and the open backlog. The measures run alongside on a connection of their
	 * own, as they keep a core busy for most of the report's time. Each query reads its own snapshot, as they always
	 * did under read committed: a ticket resolved between them may count in one and not the other.
	 */
	Report report(TicketStatisticsPeriod period, TicketStatisticsGranularity granularity, Locale locale,
			DataScope scope, Integer top) {
		Instant now = Instant.now();
		DataScope.Condition condition = condition(scope);
		CompletableFuture<TicketStatisticsReading.Resolved> resolving = Alongside.start(
				"ticket-statistics", () -> reading.resolved(period.start(zone), period.end(zone), condition));
		var counted = counts.counted(period, scope, EnumSet.allOf(TicketStatisticsDimension.class), granularity);
		var open = reading.backlog(now, condition);
		var resolved = Alongside.joined(resolving);
		TicketStatisticsLabels.Namer namer = labels.namer(locale);
		return new Report(period, summary(period, total(counted), resolved, counted.closed(), open),
				volumes(period, counted.created(), top, namer), backlog(open, now, namer),
				trend(period, granularity, points(period, granularity, counted)));
	}

	/** Tickets created in the period: each has one type. */
	private static long total(TicketVolumes.Counted counted) {
		return counted.created().get(TicketStatisticsDimension.TYPE).stream()
			.mapToLong(TicketStatisticsReading.Tally::count)
			.sum();
	}

	private Map<LocalDate, long[]> points(TicketStatisticsPeriod period, TicketStatisticsGranularity granularity,
			TicketVolumes.Counted counted) {
		return TicketStatisticsReading.points(period.start(zone), period.end(zone), zone, granularity,
				counted.createdSteps(), counted.resolvedSteps());
	}

	private Map<TicketStatisticsDimension, Volumes> volumes(TicketStatisticsPeriod period,
			Map<TicketStatisticsDimension, List<TicketStatisticsReading.Tally>> tallies, Integer top,
			TicketStatisticsLabels.Namer namer) {
		Map<TicketStatisticsDimension, Volumes> volumes = new LinkedHashMap<>();
		tallies.forEach((dimension, all) -> {
			long total = all.stream().mapToLong(TicketStatisticsReading.Tally::count).sum();
			boolean cut = top != null && all.size() > top && dimension.many();
			List<TicketStatisticsReading.Tally> shown = cut ? all.subList(0, top) : all;
			namer.prefetch(dimension, shown.stream().map(TicketStatisticsReading.Tally::key).toList());
			List<Count> rows = new ArrayList<>();
			for (TicketStatisticsReading.Tally tally : shown) {
				rows.add(new Count(tally.key(), namer.label(dimension, tally.key()), tally.count(),
						TicketStatisticsLabels.created(period, dimension, tally.key())));
			}
			if (cut) {
				long rest = all.subList(top, all.size()).stream().mapToLong(TicketStatisticsReading.Tally::count).sum();
				rows.add(new Count(null, namer.text("ticket-stats.others"), rest, null));
			}
			volumes.put(dimension, new Volumes(period.from(), period.to(), dimension.key(), total, rows));
		});
		return volumes;
	}

	private Summary summary(TicketStatisticsPeriod period, long created, TicketStatisticsReading.Resolved resolved,
			long closed, TicketStatisticsReading.Backlog backlog) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("created", TicketStatisticsLabels.on("created", period.from(), period.to()));
		links.put("resolved", TicketStatisticsLabels.on("resolved", period.from(), period.to()));
		links.put("closed", TicketStatisticsLabels.on("closed", period.from(), period.to()));
		for (TicketQuery.SlaOutcome sla : List.of(TicketQuery.SlaOutcome.ANY, TicketQuery.SlaOutcome.RESPONSE_MET,
				TicketQuery.SlaOutcome.RESOLUTION_MET)) {
			links.put(SLA_LINKS.get(sla), TicketStatisticsLabels.on("resolved", period.from(), period.to()) + "&sla="
					+ sla.value());
		}
		links.put("openBacklog", TicketStatisticsLabels.link("status", "open"));
		links.put("overdueBacklog", TicketStatisticsLabels.link("status", "open", "overdue", "true"));
		return new Summary(period.from(), period.to(), created, resolved.resolved(), closed, backlog.total(),
				backlog.overdue(), seconds(resolved.meanToRespond()), seconds(resolved.medianToRespond()),
				seconds(resolved.meanToResolve()), seconds(resolved.medianToResolve()),
				Attainment.of(resolved.slaCounted(), resolved.responseMet()),
				Attainment.of(resolved.slaCounted(), resolved.resolutionMet()), links);
	}

	private BacklogAge backlog(TicketStatisticsReading.Backlog backlog, Instant now,
			TicketStatisticsLabels.Namer namer) {
		List<Count> buckets = new ArrayList<>();
		for (int i = 0; i < AGES.size(); i++) {
			buckets.add(new Count(AGES.get(i), namer.text("ticket-stats.age." + AGES.get(i)), backlog.byAge()[i],
					TicketStatisticsLabels.link("status", "open", "age", AGES.get(i))));
		}
		return new BacklogAge(now, backlog.total(), backlog.overdue(), buckets);
	}

	private static Trend trend(TicketStatisticsPeriod period, TicketStatisticsGranularity granularity,
			Map<LocalDate, long[]> steps) {
		List<Point> points = new ArrayList<>();
		steps.forEach((step, counts) -> points.add(new Point(granularity == TicketStatisticsGranularity.MONTH
				? YearMonth.from(step).toString() : step.toString(), counts[0], counts[1])));
		return new Trend(period.from(), period.to(), granularity.unit(), points);
	}

	/** The reader's scope; refuses (403) whoever lacks TICKET_REPORT, however the request came in. */
	private DataScope scope() {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_REPORT)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return actors.scopeOf(actor);
	}

	static DataScope.Condition condition(DataScope scope) {
		return scope.where("provider_party_id", "customer_org_unit_id");
	}

	private static Long seconds(Duration duration) {
		return duration == null ? null : duration.toSeconds();
	}

	ZoneId zone() {
		return zone;
	}
}
