package org.yunwei.sla.internal.attainment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla/attainment")
@PreAuthorize("hasAuthority('SLA_REPORT')")
@Tag(name = "SLA attainment", description = "服务级别达成情况自评估 (GZ 9.1.2.4): per agreement and period the rate "
		+ "of response and resolution clocks stopped in time, the breached items and a twelve-month trend. "
		+ "SLA_REPORT; management and supervision see every agreement, a provider its own, customers none.")
class AttainmentApiController {

	private static final String FROM = "first day, ISO date; with `to`, default: the current month (Asia/Shanghai)";
	private static final String TO = "last day, included";

	private final AttainmentReports reports;

	AttainmentApiController(AttainmentReports reports) {
		this.reports = reports;
	}

	@GetMapping
	@Operation(summary = "Attainment rates per agreement and kind, over all priorities (priority null) and per "
			+ "priority", description = "A clock counts when it stopped in the period and is attained when it "
					+ "stopped by its due time; rate is attained in percent of counted.")
	AttainmentReports.Summary summary(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(example = "3") @RequestParam(required = false) Long agreementId) {
		return reports.summary(AttainmentPeriod.parse(from, to), agreementId);
	}

	@GetMapping("/{agreementId}/breaches")
	@Operation(summary = "An agreement's breached items: clocks stopped late in the period, then those still running "
			+ "past their due time")
	AttainmentReports.Breaches breaches(@PathVariable long agreementId,
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to) {
		return reports.breaches(agreementId, AttainmentPeriod.parse(from, to));
	}

	@GetMapping("/{agreementId}/trend")
	@Operation(summary = "An agreement's attainment rate per month and kind, the last twelve months, oldest first")
	AttainmentReports.Trend trend(@PathVariable long agreementId) {
		return reports.trend(agreementId);
	}

	@GetMapping("/export")
	@Operation(summary = "The summary and breached items of the period as an Excel workbook (.xlsx)",
			description = "Exporting is recorded on the audit trail.")
	void export(@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AttainmentPeriod period = AttainmentPeriod.parse(from, to);
		reports.export(period, LocaleContextHolder.getLocale(), () -> AttainmentWorkbook.open(response, period));
	}
}
