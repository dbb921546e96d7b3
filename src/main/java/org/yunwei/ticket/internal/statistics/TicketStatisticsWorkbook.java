package org.yunwei.ticket.internal.statistics;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The statistics of a period as an Excel workbook, one sheet per view: the summary, the volumes by each dimension,
 * the backlog by age and the trend. Written through POI's streaming workbook, which keeps only a window of rows in
 * memory however many customers or services there are.
 */
@Component
public class TicketStatisticsWorkbook {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final MessageSource messages;

	TicketStatisticsWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	/** Makes the response a download of the period's workbook and opens its body. */
	static OutputStream open(HttpServletResponse response, TicketStatisticsPeriod period) throws IOException {
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("ticket-statistics-" + period.from() + "_" + period.to() + ".xlsx")
			.build()
			.toString());
		return response.getOutputStream();
	}

	void write(TicketStatistics.Report report, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			summary(workbook.createSheet(text("ticket-stats.sheet.summary", locale)), report, locale);
			for (var volumes : report.volumes().entrySet()) {
				volumes(workbook.createSheet(text("ticket-stats.by." + volumes.getKey().key(), locale)),
						volumes.getValue(), locale);
			}
			Sheet backlog = workbook.createSheet(text("ticket-stats.sheet.backlog", locale));
			header(backlog.createRow(0), locale, "age", "count");
			int line = 1;
			for (TicketStatistics.Count bucket : report.backlog().buckets()) {
				Row row = backlog.createRow(line++);
				row.createCell(0).setCellValue(bucket.label());
				row.createCell(1).setCellValue(bucket.count());
			}
			Sheet trend = workbook.createSheet(text("ticket-stats.sheet.trend", locale));
			header(trend.createRow(0), locale, "step", "created", "resolved");
			line = 1;
			for (TicketStatistics.Point point : report.trend().points()) {
				Row row = trend.createRow(line++);
				row.createCell(0).setCellValue(point.period());
				row.createCell(1).setCellValue(point.created());
				row.createCell(2).setCellValue(point.resolved());
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private void summary(Sheet sheet, TicketStatistics.Report report, Locale locale) {
		TicketStatistics.Summary summary = report.summary();
		sheet.createRow(0).createCell(0).setCellValue(
				text("ticket-stats.export.period", locale, report.period().from(), report.period().to()));
		header(sheet.createRow(1), locale, "metric", "value");
		Object[][] rows = {
				{ "created", summary.created() }, { "resolved", summary.resolved() }, { "closed", summary.closed() },
				{ "openBacklog", summary.openBacklog() }, { "overdueBacklog", summary.overdueBacklog() },
				{ "meanTimeToRespondHours", hours(summary.meanTimeToRespondSeconds()) },
				{ "medianTimeToRespondHours", hours(summary.medianTimeToRespondSeconds()) },
				{ "meanTimeToResolveHours", hours(summary.meanTimeToResolveSeconds()) },
				{ "medianTimeToResolveHours", hours(summary.medianTimeToResolveSeconds()) },
				{ "slaCounted", summary.responseSla().counted() },
				{ "responseMet", summary.responseSla().met() },
				{ "responseRate", summary.responseSla().rate() },
				{ "resolutionMet", summary.resolutionSla().met() },
				{ "resolutionRate", summary.resolutionSla().rate() } };
		int line = 2;
		for (Object[] values : rows) {
			Row row = sheet.createRow(line++);
			row.createCell(0).setCellValue(text("ticket-stats.metric." + values[0], locale));
			if (values[1] instanceof Number number) {
				row.createCell(1).setCellValue(number.doubleValue());
			}
		}
	}

	private void volumes(Sheet sheet, TicketStatistics.Volumes volumes, Locale locale) {
		header(sheet.createRow(0), locale, "key", "label", "count", "share");
		int line = 1;
		for (TicketStatistics.Count count : volumes.rows()) {
			Row row = sheet.createRow(line++);
			row.createCell(0).setCellValue(count.key() == null ? "" : count.key());
			row.createCell(1).setCellValue(count.label());
			row.createCell(2).setCellValue(count.count());
			row.createCell(3).setCellValue(Math.round(count.count() * 1000.0 / volumes.total()) / 10.0);
		}
		Row total = sheet.createRow(line);
		total.createCell(1).setCellValue(text("ticket-stats.total", locale));
		total.createCell(2).setCellValue(volumes.total());
	}

	private void header(Row row, Locale locale, String... columns) {
		for (int i = 0; i < columns.length; i++) {
			row.createCell(i).setCellValue(text("ticket-stats.column." + columns[i], locale));
		}
	}

	/** Hours with two decimals, as a spreadsheet sums and averages them; {@code null} when nothing was measured. */
	private static Double hours(Long seconds) {
		return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
