package org.yunwei.inspection.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.web.FileDownload;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;


/** The inspection report of a month (巡检报告) as a page and a workbook. */
@Controller
class InspectionReportWebController {

	static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final InspectionReport report;
	private final InspectionAccess access;

	InspectionReportWebController(InspectionReport report, InspectionAccess access) {
		this.report = report;
		this.access = access;
	}

	@GetMapping("/inspections/report")
	String page(@RequestParam(required = false) String month, Model model) {
		access.requireReader();
		YearMonth chosen;
		try {
			chosen = month(month);
		}
		catch (RejectedRequest refused) {
			model.addAttribute("problem", "inspection.report.month-invalid");
			chosen = YearMonth.now(BusinessCalendar.SHANGHAI);
		}
		model.addAttribute("report", report.month(chosen));
		return "inspection/report";
	}

	@GetMapping("/inspections/report/export")
	ResponseEntity<byte[]> pageExport(@RequestParam(required = false) String month, Locale locale) {
		return export(month, locale);
	}

	private ResponseEntity<byte[]> export(String month, Locale locale) {
		access.requireReader();
		InspectionReport.Report figures = report.month(month(month));
		byte[] content = report.workbook(figures, locale);
		return FileDownload.of("inspection-report-" + figures.month() + ".xlsx", WORKBOOK,
				UploadedFile.sha256(content), content);
	}

	static YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.now(BusinessCalendar.SHANGHAI);
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw RejectedRequest.invalidField("month", "inspection.report.month-invalid");
		}
	}
}
