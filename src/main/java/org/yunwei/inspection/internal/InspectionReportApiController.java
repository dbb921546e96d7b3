package org.yunwei.inspection.internal;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.FileDownload;
import org.yunwei.web.UploadedFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Inspection reports", description = "巡检报告: per plan the tasks of a month planned, done, done on "
		+ "time, overdue and with anomalies, with the totals. INSPECTION_READ, one's party's (management and "
		+ "supervision every party's).")
class InspectionReportApiController {

	private final InspectionReport report;
	private final InspectionAccess access;

	InspectionReportApiController(InspectionReport report, InspectionAccess access) {
		this.report = report;
		this.access = access;
	}

	@GetMapping("/api/v1/inspection-reports")
	@Operation(summary = "The report of a month", description = "400 for a month not written yyyy-MM.")
	InspectionReport.Report get(
			@Parameter(description = "yyyy-MM, default this month") @RequestParam(required = false) String month) {
		access.requireReader();
		return report.month(InspectionReportWebController.month(month));
	}

	@GetMapping("/api/v1/inspection-reports/export")
	@Operation(summary = "The report of a month as .xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String month, Locale locale) {
		access.requireReader();
		InspectionReport.Report figures = report.month(InspectionReportWebController.month(month));
		byte[] content = report.workbook(figures, locale);
		return FileDownload.of("inspection-report-" + figures.month() + ".xlsx",
				InspectionReportWebController.WORKBOOK, UploadedFile.sha256(content), content);
	}
}
