package org.yunwei.ticket.internal.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/ticket-statistics")
@PreAuthorize("hasAuthority('TICKET_REPORT')")
@Tag(name = "Ticket statistics", description = "事件统计信息 / 运维相关数据统计报告 (Hunan 6.1.2 d, 7.2.2 d): volumes "
		+ "by type, priority, category, customer, service, channel and status; speed and SLA attainment; the open "
		+ "backlog by age; the trend; an Excel export. TICKET_REPORT; management and supervision count every "
		+ "ticket, a provider its own party's, a customer its own unit and those below it. Definitions: "
		+ "docs/ticket-statistics.md.")
class TicketStatisticsApiController {

	private static final int TOP = DashboardWebController.TOP;
	private static final String FROM = "first day, ISO date; with `to`; default: the current month (Asia/Shanghai)";
	private static final String TO = "last day, included";
	private static final String GRANULARITY = "`day` or `month`; default: by day up to 92 days, else by month; "
			+ "days over more than 366 days are refused";

	private final TicketStatistics statistics;

	TicketStatisticsApiController(TicketStatistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping
	@Operation(summary = "Tickets created in the period, counted by one dimension",
			description = "Rows most frequent first, each with its key (`null`: not given), name, count and the "
					+ "ticket list filtered to it (`link`). 400 naming `groupBy`, `from` or `to` when unreadable.")
	TicketStatistics.Volumes volumes(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(description = "type, priority, category, customer, service, channel or status", required = true,
					example = "priority") @RequestParam(required = false) String groupBy) {
		TicketStatisticsPeriod period = period(from, to);
		return statistics.volumes(period, TicketStatisticsDimension.parse(groupBy), LocaleContextHolder.getLocale());
	}

	@GetMapping("/report")
	@Operation(summary = "Everything the statistics dashboard shows for the period, in one answer",
			description = "The summary, the seven dimensions (the `top` most frequent rows of customer, service and "
					+ "category, the rest summed up as one row without a link), the backlog by age and the trend: "
					+ "what `/summary`, `?groupBy=`, `/backlog-age` and `/trend` answer one by one, read together "
					+ "(four queries, two of them at once) for a dashboard that shows it all. 400 naming `from`, "
					+ "`to`, `granularity` or `top` when unreadable.")
	TicketStatistics.Report report(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(description = GRANULARITY, example = "day") @RequestParam(required = false) String granularity,
			@Parameter(description = "rows shown per dimension with many values, 1–100; default 10", example = "10")
			@RequestParam(required = false) String top) {
		TicketStatisticsPeriod period = period(from, to);
		return statistics.report(period, TicketStatisticsGranularity.parse(granularity, period),
				LocaleContextHolder.getLocale(), top(top));
	}

	/** Rows per dimension with many values: few enough for a dashboard, as the page shows {@value #TOP}. */
	private static int top(String top) {
		if (top == null || top.isBlank()) {
			return TOP;
		}
		int rows = top.strip().matches("\\d{1,3}") ? Integer.parseInt(top.strip()) : 0;
		if (rows < 1 || rows > 100) {
			throw RejectedRequest.invalidField("top", "ticket-stats.top.range");
		}
		return rows;
	}

	@GetMapping("/summary")
	@Operation(summary = "Created, resolved and closed in the period, the open backlog, mean and median times to "
			+ "respond and to resolve, and SLA attainment",
			description = "Times (wall-clock seconds from creation) and attainment are of the tickets resolved in the "
					+ "period; attainment counts those with an SLA, met = the SLA engine raised no breach of the "
					+ "clock. The backlog is the tickets open now.")
	TicketStatistics.Summary summary(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to) {
		return statistics.summary(period(from, to));
	}

	@GetMapping("/backlog-age")
	@Operation(summary = "The tickets open now by age: under 1 day, 1–3, 3–7, 7–30 and over 30 days")
	TicketStatistics.BacklogAge backlogAge() {
		return statistics.backlog(LocaleContextHolder.getLocale());
	}

	@GetMapping("/trend")
	@Operation(summary = "Tickets created and resolved per day or month of the period, oldest first",
			description = "Every step of the period is present, with zeros where nothing happened.")
	TicketStatistics.Trend trend(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(description = GRANULARITY, example = "day") @RequestParam(required = false) String granularity) {
		TicketStatisticsPeriod period = period(from, to);
		return statistics.trend(period, TicketStatisticsGranularity.parse(granularity, period));
	}

	@GetMapping("/export")
	@Operation(summary = "Every view of the period as an Excel workbook (.xlsx), one sheet per view",
			description = "Sheets: summary, the seven dimensions, backlog by age, trend. Exporting is recorded on "
					+ "the audit trail (TICKET_STATISTICS_EXPORT).")
	void export(@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(description = GRANULARITY) @RequestParam(required = false) String granularity,
			HttpServletResponse response) throws IOException {
		TicketStatisticsPeriod period = period(from, to);
		statistics.export(period, TicketStatisticsGranularity.parse(granularity, period),
				LocaleContextHolder.getLocale(), () -> TicketStatisticsWorkbook.open(response, period));
	}

	private TicketStatisticsPeriod period(String from, String to) {
		return TicketStatisticsPeriod.parse(from, to, statistics.zone());
	}
}
