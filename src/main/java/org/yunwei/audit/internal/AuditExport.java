package org.yunwei.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;

/**
 * Writes the records that match a query to an Excel workbook, newest first. Rows are read in keyset batches and
 * written through POI's streaming workbook, which keeps only a window of rows in memory; an export stops at
 * {@link #MAX_ROWS} and says so on its notes sheet. Every export is itself put on the audit trail.
 */
@Component
class AuditExport {

	static final int MAX_ROWS = 100_000;
	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	private static final int BATCH = 1000;
	/** Excel refuses longer cell text. */
	private static final int MAX_CELL = 32_767;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(AuditQuery.ZONE);
	private static final String[] COLUMNS = { "id", "time", "actor", "clientAddress", "action", "objectType",
			"objectId", "outcome", "detail", "before", "after", "chainSeq", "hash" };

	private final AuditRecords records;
	private final AuditTrail audit;
	private final MessageSource messages;

	AuditExport(AuditRecords records, AuditTrail audit, MessageSource messages) {
		this.records = records;
		this.audit = audit;
		this.messages = messages;
	}

	static String fileName() {
		return "audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(AuditQuery.ZONE)
			.format(Instant.now()) + ".xlsx";
	}

	/** Answers an export request: the workbook of the records matching the request's filters, as a download. */
	void respond(Map<String, String> parameters, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		AuditQuery query = AuditQuery.parse(parameters::get);
		response.setContentType(XLSX.toString());
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				org.springframework.http.ContentDisposition.attachment().filename(fileName()).build().toString());
		write(query, AuditQuery.givenFilters(parameters::get),
				org.springframework.context.i18n.LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	void write(AuditQuery query, Map<String, String> filters, Locale locale, OutputStream out) throws IOException {
		audit.recordAlone(AuditEntry.of("AUDIT_EXPORT", "audit_trail", null).after(new LinkedHashMap<>(filters)));
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			SXSSFSheet sheet = workbook.createSheet(text("audit.export.sheet", locale));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				header.createCell(i).setCellValue(text("audit.column." + COLUMNS[i], locale));
			}
			int written = 0;
			Long afterId = null;
			while (written < MAX_ROWS) {
				int wanted = Math.min(BATCH, MAX_ROWS - written);
				List<AuditRecordView> batch = records.read(query, afterId, wanted);
				for (AuditRecordView record : batch) {
					fill(sheet.createRow(++written), record, locale);
					afterId = record.id();
				}
				if (batch.size() < wanted) {
					break;
				}
			}
			boolean truncated = written == MAX_ROWS && !records.read(query, afterId, 1).isEmpty();
			notes(workbook.createSheet(text("audit.export.notes", locale)), filters, written, truncated, locale);
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private void fill(Row row, AuditRecordView record, Locale locale) {
		row.createCell(0).setCellValue(record.id());
		row.createCell(1).setCellValue(TIME.format(record.occurredAt()));
		row.createCell(2).setCellValue(record.actor());
		row.createCell(3).setCellValue(nullToEmpty(record.clientAddress()));
		row.createCell(4).setCellValue(record.action());
		row.createCell(5).setCellValue(record.objectType());
		row.createCell(6).setCellValue(nullToEmpty(record.objectId()));
		row.createCell(7).setCellValue(text("audit.outcome." + record.outcome(), locale));
		row.createCell(8).setCellValue(cell(record.detail()));
		row.createCell(9).setCellValue(cell(record.before() == null ? null : record.before().toString()));
		row.createCell(10).setCellValue(cell(record.after() == null ? null : record.after().toString()));
		if (record.chainSeq() != null) {
			row.createCell(11).setCellValue(record.chainSeq());
		}
		row.createCell(12).setCellValue(nullToEmpty(record.hash()));
	}

	private void notes(Sheet sheet, Map<String, String> filters, int written, boolean truncated, Locale locale) {
		int line = 0;
		sheet.createRow(line++).createCell(0)
			.setCellValue(text("audit.export.exportedAt", locale, TIME.format(Instant.now())));
		sheet.createRow(line++).createCell(0).setCellValue(text("audit.export.rows", locale, written));
		if (truncated) {
			sheet.createRow(line++).createCell(0).setCellValue(text("audit.export.truncated", locale, MAX_ROWS));
		}
		for (var filter : filters.entrySet()) {
			Row row = sheet.createRow(line++);
			row.createCell(0).setCellValue(text("audit.filter." + filter.getKey(), locale));
			row.createCell(1).setCellValue(filter.getValue());
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	private static String cell(String text) {
		if (text == null) {
			return "";
		}
		return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}
}
