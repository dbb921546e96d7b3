package org.yunwei.sla.internal.attainment;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The attainment report as an Excel workbook: a summary sheet with the rows of every agreement, and a breaches sheet
 * with the breached items of each agreement in the summary. Written through POI's streaming workbook, which keeps
 * only a window of rows in memory however many breaches there are.
 */
@Component
class AttainmentWorkbook {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(AttainmentPeriod.ZONE);
	private static final String[] SUMMARY = { "agreement.code", "agreement.name", "kind", "priority", "counted",
			"attained", "breached", "rate" };
	private static final String[] BREACHES = { "agreement.code", "subject.type", "subject.id", "kind", "priority",
			"due", "stopped", "overdue" };

	private final MessageSource messages;

	AttainmentWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	/** Makes the response a download of the period's workbook and opens its body. */
	static OutputStream open(HttpServletResponse response, AttainmentPeriod period) throws IOException {
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("sla-attainment-" + period.from() + "_" + period.to() + ".xlsx")
			.build()
			.toString());
		return response.getOutputStream();
	}

	/** Writes the workbook; {@code breaches} gives the breached items of an agreement in the summary. */
	void write(AttainmentPeriod period, List<AttainmentRow> rows, LongFunction<List<BreachedItem>> breaches,
			Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			SXSSFSheet summary = workbook.createSheet(text("attainment.sheet.summary", locale));
			summary.createRow(0).createCell(0)
				.setCellValue(text("attainment.export.period", locale, period.from(), period.to()));
			header(summary.createRow(1), SUMMARY, locale);
			int line = 2;
			Map<Long, String> agreements = new LinkedHashMap<>();
			for (AttainmentRow row : rows) {
				fill(summary.createRow(line++), row, locale);
				agreements.putIfAbsent(row.agreementId(), row.agreementCode());
			}
			SXSSFSheet breached = workbook.createSheet(text("attainment.sheet.breaches", locale));
			header(breached.createRow(0), BREACHES, locale);
			line = 1;
			for (var agreement : agreements.entrySet()) {
				for (BreachedItem item : breaches.apply(agreement.getKey())) {
					fill(breached.createRow(line++), agreement.getValue(), item, locale);
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private void header(Row row, String[] columns, Locale locale) {
		for (int i = 0; i < columns.length; i++) {
			row.createCell(i).setCellValue(text("attainment.column." + columns[i], locale));
		}
	}

	private void fill(Row row, AttainmentRow attainment, Locale locale) {
		row.createCell(0).setCellValue(attainment.agreementCode());
		row.createCell(1).setCellValue(attainment.agreementName());
		row.createCell(2).setCellValue(text("attainment.kind." + attainment.kind(), locale));
		row.createCell(3).setCellValue(attainment.priority() == null ? text("attainment.priority.all", locale)
				: attainment.priority().name());
		row.createCell(4).setCellValue(attainment.counted());
		row.createCell(5).setCellValue(attainment.attained());
		row.createCell(6).setCellValue(attainment.breached());
		BigDecimal rate = attainment.rate();
		if (rate != null) {
			row.createCell(7).setCellValue(rate.doubleValue());
		}
	}

	private void fill(Row row, String agreementCode, BreachedItem item, Locale locale) {
		row.createCell(0).setCellValue(agreementCode);
		row.createCell(1).setCellValue(item.subjectType());
		row.createCell(2).setCellValue(item.subjectId());
		row.createCell(3).setCellValue(text("attainment.kind." + item.kind(), locale));
		row.createCell(4).setCellValue(item.priority().name());
		row.createCell(5).setCellValue(time(item.dueAt()));
		row.createCell(6).setCellValue(item.stillOpen() ? text("attainment.open", locale) : time(item.stoppedAt()));
		row.createCell(7).setCellValue(item.overdueMinutes());
	}

	private static String time(Instant instant) {
		return TIME.format(instant);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
