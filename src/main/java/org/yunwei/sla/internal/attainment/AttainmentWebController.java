package org.yunwei.sla.internal.attainment;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockSubjects;
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
	private final List<ClockSubjects> subjects;

	AttainmentWebController(AttainmentReports reports, MessageSource messages, List<ClockSubjects> subjects) {
		this.reports = reports;
		this.messages = messages;
		this.subjects = subjects;
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
			AttainmentReports.Breaches breaches = reports.breaches(agreementId, period);
			model.addAttribute("breaches", breaches);
			model.addAttribute("breachNames", names(breaches));
			AttainmentReports.Trend trend = reports.trend(agreementId);
			model.addAttribute("trend", trend);
			model.addAttribute("trendChart", AttainmentTrendChart.of(trend, messages, LocaleContextHolder.getLocale())
				.json());
		}
		return "sla/attainment/page";
	}

	/** The breached items' numbers and pages, keyed "type:id", from the modules that own them. */
	private Map<String, ClockSubjects.SubjectName> names(AttainmentReports.Breaches breaches) {
		List<ClockSubject> items = breaches.items()
			.stream()
			.map(b -> new ClockSubject(b.subjectType(), b.subjectId()))
			.toList();
		Map<String, ClockSubjects.SubjectName> names = new HashMap<>();
		subjects.forEach(module -> module.names(items)
			.forEach((subject, name) -> names.put(subject.type() + ":" + subject.id(), name)));
		return names;
	}

	/** The page's export button: the API's export, for a browser session (the API takes bearer tokens only). */
	@GetMapping("/sla/attainment/export")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AttainmentPeriod period = AttainmentPeriod.parse(from, to);
		reports.export(period, LocaleContextHolder.getLocale(), () -> AttainmentWorkbook.open(response, period));
	}
}
