package org.yunwei.ticket.internal.statistics;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.AssigneeFigures;

/**
 * The statistics by assignee as an Excel sheet: the period, then a row per person with every figure the page shows
 * (times in hours, rates in percent), empty cells where nothing was measured.
 */
@Component
class AssigneeWorkbook {

	/** The columns, as keys of {@code ticket-stats.assignee.column.*}. */
	static final List<String> COLUMNS = List.of("name", "assigned", "resolved", "closed", "meanRespondHours",
			"p90RespondHours", "meanResolveHours", "p90ResolveHours", "slaCounted", "responseMet", "responseRate",
			"resolutionMet", "resolutionRate", "reopened", "reopenRate", "ratings", "meanScore");

	private final MessageSource messages;

	AssigneeWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	static OutputStream open(HttpServletResponse response, TicketStatisticsPeriod period) throws IOException {
		response.setContentType(TicketStatisticsWorkbook.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("ticket-assignees-" + period.from() + "_" + period.to() + ".xlsx")
			.build()
			.toString());
		return response.getOutputStream();
	}

	void write(AssigneeStatistics.Report report, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(text("ticket-stats.assignee.title", locale));
			sheet.createRow(0).createCell(0)
				.setCellValue(text("ticket-stats.export.period", locale, report.from(), report.to()));
			Row header = sheet.createRow(1);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(text("ticket-stats.assignee.column." + COLUMNS.get(i), locale));
			}
			int line = 2;
			for (AssigneeStatistics.Row person : report.rows()) {
				AssigneeFigures f = person.figures();
				Object[] values = { person.name(), f.assigned(), f.resolved(), f.closed(),
						hours(f.meanTimeToRespondSeconds()), hours(f.p90TimeToRespondSeconds()),
						hours(f.meanTimeToResolveSeconds()), hours(f.p90TimeToResolveSeconds()),
						f.responseSla().counted(), f.responseSla().met(), f.responseSla().rate(),
						f.resolutionSla().met(), f.resolutionSla().rate(), f.reopened(), f.reopenRate(),
						person.ratings().count(), person.ratings().meanScore() };
				Row row = sheet.createRow(line++);
				for (int i = 0; i < values.length; i++) {
					if (values[i] instanceof String name) {
						row.createCell(i).setCellValue(name);
					}
					else if (values[i] instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	/** Hours with two decimals; {@code null} when nothing was measured. */
	private static BigDecimal hours(Long seconds) {
		return seconds == null ? null : BigDecimal.valueOf(Math.round(seconds / 36.0), 2);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
