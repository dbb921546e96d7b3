package org.yunwei.inspection.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;

/**
 * The inspection report of a period (巡检报告, 运维设施设备定期巡检表): per plan the tasks planned, done, done on time,
 * overdue (past their due time and not done) and those with anomalies, with the totals; as a page and a workbook.
 * One aggregate query over the tasks of the period, served by the index on (party, day).
 */
@Service
public class InspectionReport {

	private final JdbcClient jdbc;
	private final InspectionAccess access;
	private final MessageSource messages;

	InspectionReport(JdbcClient jdbc, InspectionAccess access, MessageSource messages) {
		this.jdbc = jdbc;
		this.access = access;
		this.messages = messages;
	}

	/** One plan's figures, or the totals ({@code planId} 0). */
	public record Line(long planId, String planName, long planned, long done, long onTime, long overdue,
			long anomalous) {

		/** Done on time as a share of planned, in whole percent; 0 when nothing was planned. */
		public long onTimePercent() {
			return planned == 0 ? 0 : Math.round(onTime * 100.0 / planned);
		}
	}

	public record Report(YearMonth month, List<Line> plans, Line total) {
	}

	@Transactional(readOnly = true)
	public Report month(YearMonth month) {
		Actor reader = access.requireReader();
		return figures(month, access.readableParty(reader), Instant.now());
	}

	/** The figures of one party (every party's for {@code null}) over the days of a month. */
	Report figures(YearMonth month, Long partyId, Instant now) {
		List<Line> plans = lines(month.atDay(1), month.atEndOfMonth(), partyId, now);
		Line total = new Line(0, "", plans.stream().mapToLong(Line::planned).sum(),
				plans.stream().mapToLong(Line::done).sum(), plans.stream().mapToLong(Line::onTime).sum(),
				plans.stream().mapToLong(Line::overdue).sum(), plans.stream().mapToLong(Line::anomalous).sum());
		return new Report(month, plans, total);
	}

	List<Line> lines(LocalDate from, LocalDate to, Long partyId, Instant now) {
		return jdbc.sql("""
				select p.id, p.name, count(*) as planned,
				  count(*) filter (where t.status = 'DONE') as done,
				  count(*) filter (where t.status = 'DONE' and t.submitted_at <= t.due_at) as on_time,
				  count(*) filter (where t.status <> 'DONE' and t.due_at <= ?) as overdue,
				  count(*) filter (where t.anomalies > 0) as anomalous
				from inspection_task t join inspection_plan p on p.id = t.plan_id
				where""" + (partyId == null ? "" : " t.party_id = ? and") + """
				 t.scheduled_on between ? and ?
				group by p.id, p.name order by p.name, p.id""")
			// the party's condition only when there is one: "? is null or party_id = ?" keeps the planner from the
			// party's index, and a month of a city's tasks is read through it (InspectionBenchmark)
			.params(partyId == null ? List.of(Timestamp.from(now), Date.valueOf(from), Date.valueOf(to))
					: List.of(Timestamp.from(now), partyId, Date.valueOf(from), Date.valueOf(to)))
			.query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** The report as a workbook, headings in the reader's language. */
	public byte[] workbook(Report report, Locale locale) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(text("inspection.report.title", locale));
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(text("inspection.report.title", locale) + " " + report.month());
			String[] headings = { "inspection.task.plan", "inspection.report.planned", "inspection.report.done",
					"inspection.report.on-time", "inspection.report.overdue", "inspection.report.anomalous",
					"inspection.report.on-time-rate" };
			Row head = sheet.createRow(2);
			for (int i = 0; i < headings.length; i++) {
				head.createCell(i).setCellValue(text(headings[i], locale));
			}
			int at = 3;
			for (Line line : report.plans()) {
				row(sheet.createRow(at++), line.planName(), line);
			}
			row(sheet.createRow(at), text("inspection.report.total", locale), report.total());
			sheet.setColumnWidth(0, 40 * 256);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void row(Row row, String name, Line line) {
		row.createCell(0).setCellValue(name);
		row.createCell(1).setCellValue(line.planned());
		row.createCell(2).setCellValue(line.done());
		row.createCell(3).setCellValue(line.onTime());
		row.createCell(4).setCellValue(line.overdue());
		row.createCell(5).setCellValue(line.anomalous());
		row.createCell(6).setCellValue(line.onTimePercent() + "%");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
