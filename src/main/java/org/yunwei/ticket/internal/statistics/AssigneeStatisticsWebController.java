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
 * The statistics by assignee (按处理人), a tab of the statistics pages: a period and, for management and
 * supervision, a provider; a row per person, every count a link to the ticket list behind it. Unreadable input is
 * shown beside its field, with the current month and every provider instead.
 */
@Controller
@PreAuthorize("hasAuthority('TICKET_REPORT')")
class AssigneeStatisticsWebController {

	private final AssigneeStatistics statistics;
	private final MessageSource messages;

	AssigneeStatisticsWebController(AssigneeStatistics statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/tickets/statistics/assignees")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String provider, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		TicketStatisticsPeriod period;
		try {
			period = TicketStatisticsPeriod.parse(from, to, statistics.zone());
		}
		catch (RejectedRequest refused) {
			errors.putAll(badRequest(refused));
			period = TicketStatisticsPeriod.currentMonth(statistics.zone());
		}
		Locale locale = LocaleContextHolder.getLocale();
		AssigneeStatistics.Report report;
		try {
			report = statistics.report(period, AssigneeStatisticsApiController.provider(provider), locale);
		}
		catch (RejectedRequest refused) {
			errors.putAll(badRequest(refused));
			report = statistics.report(period, null, locale);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("period", period);
		model.addAttribute("report", report);
		model.addAttribute("providers", statistics.providers());
		model.addAttribute("durations", new DashboardDurations(messages, locale));
		model.addAttribute("presets", DateRange.presets(LocalDate.now(statistics.zone())));
		return "ticket/statistics/assignees";
	}

	/** The page's export button: the API's export, for a browser session. */
	@GetMapping("/tickets/statistics/assignees/export")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String provider, HttpServletResponse response) throws IOException {
		TicketStatisticsPeriod period = TicketStatisticsPeriod.parse(from, to, statistics.zone());
		statistics.export(period, AssigneeStatisticsApiController.provider(provider),
				LocaleContextHolder.getLocale(), () -> AssigneeWorkbook.open(response, period));
	}

	/** The fields of a 400 refusal; any other refusal (403) goes on to the error page. */
	private static Map<String, String> badRequest(RejectedRequest refused) {
		if (refused.status() != HttpStatus.BAD_REQUEST) {
			throw refused;
		}
		return refused.fieldErrors();
	}
}
