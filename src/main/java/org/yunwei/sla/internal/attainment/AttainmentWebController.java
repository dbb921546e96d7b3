package org.yunwei.sla.internal.attainment;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.web.RejectedRequest;

/**
 * The attainment page: a period, the rates of every visible agreement, and for a chosen agreement its breached
 * items and twelve-month trend. Unreadable dates are shown beside their fields, with the current month instead.
 */
@Controller
@PreAuthorize("hasAuthority('SLA_REPORT')")
class AttainmentWebController {

	private final AttainmentReports reports;
	private final MessageSource messages;

	AttainmentWebController(AttainmentReports reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/sla/attainment")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long agreementId, Model model) {
		AttainmentPeriod period;
		try {
			period = AttainmentPeriod.parse(from, to);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("errors", refused.fieldErrors());
			period = AttainmentPeriod.currentMonth();
		}
		model.addAttribute("period", period);
		model.addAttribute("summary", reports.summary(period, null));
		model.addAttribute("agreements", reports.agreements());
		if (agreementId != null) {
			model.addAttribute("breaches", reports.breaches(agreementId, period));
			AttainmentReports.Trend trend = reports.trend(agreementId);
			model.addAttribute("trend", trend);
			model.addAttribute("trendChart", AttainmentTrendChart.of(trend, messages, LocaleContextHolder.getLocale())
				.json());
		}
		return "sla/attainment/page";
	}

	/** The page's export button: the API's export, for a browser session (the API takes bearer tokens only). */
	@GetMapping("/sla/attainment/export")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AttainmentPeriod period = AttainmentPeriod.parse(from, to);
		reports.export(period, LocaleContextHolder.getLocale(), () -> AttainmentWorkbook.open(response, period));
	}
}
