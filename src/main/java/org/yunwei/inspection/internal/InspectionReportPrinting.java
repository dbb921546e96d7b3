package org.yunwei.inspection.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.printing.PrintFormat;
import org.yunwei.printing.Printing;
import org.yunwei.sla.BusinessCalendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The inspection report of a month as PDF (the page and the workbook are {@link InspectionReportWebController}'s):
 * the same figures, printed through the printing module with the Chinese font embedded.
 */
@RestController
@Tag(name = "Inspection reports")
class InspectionReportPrinting {

	private final InspectionReport report;
	private final InspectionAccess access;
	private final Printing printing;

	InspectionReportPrinting(InspectionReport report, InspectionAccess access, Printing printing) {
		this.report = report;
		this.access = access;
		this.printing = printing;
	}

	@GetMapping("/inspections/report/pdf")
	ResponseEntity<byte[]> page(@RequestParam(required = false) String month, Locale locale) {
		return pdf(month, locale);
	}

	@GetMapping("/api/v1/inspection-reports/pdf")
	@Operation(summary = "The inspection report of a month (巡检报告) as PDF",
			description = "`month` as yyyy-MM (this month when left out); 400 naming `month` otherwise. In the "
					+ "language of Accept-Language.")
	@ApiResponse(responseCode = "200", description = "The document",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> api(@Parameter(description = "yyyy-MM") @RequestParam(required = false) String month,
			Locale locale) {
		return pdf(month, locale);
	}

	private ResponseEntity<byte[]> pdf(String month, Locale locale) {
		access.requireReader();
		InspectionReport.Report figures = report.month(InspectionReportWebController.month(month));
		return printing.print(PrintFormat.PDF, "inspection/print/monthly-report", Map.of("report", figures,
				"printedAt", Instant.now(), "zone", BusinessCalendar.SHANGHAI), locale,
				"inspection-report-" + figures.month()).download();
	}
}
