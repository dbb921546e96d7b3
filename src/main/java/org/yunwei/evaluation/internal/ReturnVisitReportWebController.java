package org.yunwei.evaluation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The return-visit report's page (回访报告) with its period and, for management and supervision, a provider picker;
 * the records behind each figure; and the Excel export, put on the audit trail before the file leaves. Providers see
 * their own figures only; customers none.
 */
@Controller
class ReturnVisitReportWebController {

	private static final int RECORDS = 50;

	private final ReturnVisitReport report;
	private final EvaluationAccess access;
	private final Actors actors;
	private final Organisations organisations;
	private final SatisfactionSettings settings;
	private final MessageSource messages;
	private final AuditTrail audit;

	ReturnVisitReportWebController(ReturnVisitReport report, EvaluationAccess access, Actors actors,
			Organisations organisations, SatisfactionSettings settings, MessageSource messages, AuditTrail audit) {
		this.report = report;
		this.access = access;
		this.actors = actors;
		this.organisations = organisations;
		this.settings = settings;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping("/return-visits/report")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long providerPartyId, Model model) {
		DateRange period = period(from, to);
		DataScope scope = reader();
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("presets", DateRange.presets(LocalDate.now(settings.zone())));
		model.addAttribute("providerPartyId", providerPartyId);
		model.addAttribute("providers", scope.partyKind() == PartyKind.PROVIDER ? List.of()
				: organisations.parties(PartyKind.PROVIDER));
		model.addAttribute("names", names());
		model.addAttribute("figures", report.figures(scope, period.from(), dayAfter(period), providerPartyId).values());
		model.addAttribute("results", ReturnVisitResult.values());
		return "evaluation/report";
	}

	@GetMapping("/return-visits/report/records")
	String records(@RequestParam(defaultValue = "") String figure, @RequestParam(required = false) String value,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long providerPartyId, @RequestParam(required = false) String cursor,
			Model model) {
		DateRange period = period(from, to);
		FieldErrors errors = new FieldErrors();
		ReturnVisitReport.Figure which = errors.constant(ReturnVisitReport.Figure.class, figure, "figure");
		if (which == ReturnVisitReport.Figure.RESULT && value != null && !value.isBlank()) {
			errors.constant(ReturnVisitResult.class, value, "value");
		}
		if (which == ReturnVisitReport.Figure.SCORE && value != null && !value.matches("[1-5]")) {
			errors.add("value", "evaluation.value.unknown");
		}
		ReportRecord.Cursor after = cursor == null || cursor.isBlank() ? null : ReportRecord.Cursor.decode(cursor);
		if (cursor != null && !cursor.isBlank() && after == null) {
			errors.add("cursor", "evaluation.cursor.invalid");
		}
		errors.throwIfAny();
		String chosen = value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
		KeysetPage<ReportRecord> page = report.records(which, chosen, reader(), period.from(), dayAfter(period),
				providerPartyId, RECORDS, after);
		model.addAttribute("figure", which);
		model.addAttribute("value", chosen);
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("providerPartyId", providerPartyId);
		model.addAttribute("providerName", providerPartyId == null ? null : names().get(providerPartyId));
		model.addAttribute("page", page);
		model.addAttribute("zone", settings.zone());
		if (page.next() != null) {
			model.addAttribute("moreHref", UriComponentsBuilder.fromPath("/return-visits/report/records")
				.queryParam("figure", which.name()).queryParamIfPresent("value", java.util.Optional.ofNullable(chosen))
				.queryParam("from", period.from()).queryParam("to", period.to())
				.queryParamIfPresent("providerPartyId", java.util.Optional.ofNullable(providerPartyId))
				.queryParam("cursor", page.next()).encode().build().toUriString());
		}
		return "evaluation/report-records";
	}

	@GetMapping("/return-visits/report.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long providerPartyId) {
		DateRange period = period(from, to);
		var figures = report.figures(reader(), period.from(), dayAfter(period), providerPartyId).values();
		Map<Long, String> names = names();
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(text("return-visit.report.title"));
			Row header = sheet.createRow(0);
			List<String> columns = new java.util.ArrayList<>(List.of("return-visit.report.provider",
					"return-visit.report.planned", "return-visit.report.reached", "return-visit.report.calls"));
			int c = 0;
			for (String column : columns) {
				header.createCell(c++).setCellValue(text(column));
			}
			for (ReturnVisitResult result : ReturnVisitResult.values()) {
				header.createCell(c++).setCellValue(text("return-visit.result." + result));
			}
			for (int score = 1; score <= 5; score++) {
				header.createCell(c++).setCellValue(text("satisfaction.score." + score));
			}
			header.createCell(c++).setCellValue(text("return-visit.report.follow-ups-opened"));
			header.createCell(c).setCellValue(text("return-visit.report.follow-ups-closed"));
			int r = 1;
			for (ReturnVisitReport.ProviderFigures f : figures) {
				Row row = sheet.createRow(r++);
				int i = 0;
				row.createCell(i++).setCellValue(names.getOrDefault(f.providerPartyId(), "—"));
				row.createCell(i++).setCellValue(f.count("PLANNED"));
				row.createCell(i++).setCellValue(f.count("REACHED"));
				row.createCell(i++).setCellValue(f.count("CALLS"));
				for (ReturnVisitResult result : ReturnVisitResult.values()) {
					row.createCell(i++).setCellValue(f.results().get(result));
				}
				for (int score = 1; score <= 5; score++) {
					row.createCell(i++).setCellValue(f.scores().get(score));
				}
				row.createCell(i++).setCellValue(f.count("FOLLOW_UPS_OPENED"));
				row.createCell(i).setCellValue(f.count("FOLLOW_UPS_CLOSED"));
			}
			workbook.write(out);
			file = out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		Map<String, Object> exported = new LinkedHashMap<>();
		exported.put("from", period.from().toString());
		exported.put("to", period.to().toString());
		exported.put("providerPartyId", providerPartyId);
		exported.put("providers", figures.size());
		audit.record(AuditEntry.of("RETURN_VISIT_REPORT_EXPORT", "return-visit-report", null).after(exported));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("return-visits-" + period.from() + ".xlsx").build().toString())
			.body(file);
	}

	/** The asker's scope; customers are refused (the report is the service desk's). */
	private DataScope reader() {
		access.requireVisitReader();
		return actors.scope();
	}

	private Map<Long, String> names() {
		Map<Long, String> names = new LinkedHashMap<>();
		organisations.parties(PartyKind.PROVIDER).forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** The period asked for, both days included, as every report reads it; the current month by default. */
	private DateRange period(String from, String to) {
		FieldErrors errors = new FieldErrors();
		DateRange period = DateRange.both("from", from, "to", to, errors);
		errors.throwIfAny();
		return period == null ? DateRange.currentMonth(settings.zone()) : period;
	}

	/** The report's queries take the first day after the period. */
	private static LocalDate dayAfter(DateRange period) {
		return period.to().plusDays(1);
	}
}
