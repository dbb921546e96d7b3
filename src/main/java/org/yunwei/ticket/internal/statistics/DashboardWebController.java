package org.yunwei.ticket.internal.statistics;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * The ticket statistics dashboard (事件统计): a period, the summary figures, a chart and a table per view, every
 * number and chart segment a link to the ticket list behind it. Unreadable dates are shown beside their fields, with
 * the current month instead.
 */
@Controller
@PreAuthorize("hasAuthority('TICKET_REPORT')")
class DashboardWebController {

	/** Customers, services and categories beyond these many are summed up as "others" on the page. */
	static final int TOP = 10;

	private final TicketStatistics statistics;
	private final DashboardCharts charts;
	private final MessageSource messages;

	DashboardWebController(TicketStatistics statistics, DashboardCharts charts, MessageSource messages) {
		this.statistics = statistics;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping("/tickets/statistics")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String granularity, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		TicketStatisticsPeriod period;
		try {
			period = TicketStatisticsPeriod.parse(from, to, statistics.zone());
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			errors.putAll(refused.fieldErrors());
			period = TicketStatisticsPeriod.currentMonth(statistics.zone());
		}
		TicketStatisticsGranularity step;
		try {
			step = TicketStatisticsGranularity.parse(granularity, period);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			errors.putAll(refused.fieldErrors());
			step = TicketStatisticsGranularity.parse(null, period);
		}
		Locale locale = LocaleContextHolder.getLocale();
		TicketStatistics.Report report = statistics.report(period, step, locale, TOP);
		model.addAttribute("errors", errors);
		model.addAttribute("period", period);
		model.addAttribute("granularity", granularity == null ? "" : granularity.strip().toLowerCase(Locale.ROOT));
		model.addAttribute("report", report);
		model.addAttribute("volumes", report.volumes());
		model.addAttribute("charts", charts.of(report, locale));
		model.addAttribute("durations", new DashboardDurations(messages, locale));
		model.addAttribute("presets", DateRange.presets(LocalDate.now(statistics.zone())));
		return "ticket/statistics/dashboard";
	}

	/** The page's export button: the API's export, for a browser session (the API takes bearer tokens only). */
	@GetMapping("/tickets/statistics/export")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String granularity, HttpServletResponse response) throws IOException {
		TicketStatisticsPeriod period = TicketStatisticsPeriod.parse(from, to, statistics.zone());
		statistics.export(period, TicketStatisticsGranularity.parse(granularity, period),
				LocaleContextHolder.getLocale(), () -> TicketStatisticsWorkbook.open(response, period));
	}
}
