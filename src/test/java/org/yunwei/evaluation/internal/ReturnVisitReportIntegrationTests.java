package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The return-visit report (回访报告): its figures are the counts of the records behind them, counted here again
 * straight from the tables; a provider sees its own figures only, customers none; the Excel export holds the same
 * figures and is audited.
 */
class ReturnVisitReportIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ReturnVisitReport report;

	ApiClient api;
	TicketFixtures world;
	SatisfactionTesting testing;
	String agent;
	LocalDate today;
	LocalDate tomorrow;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		testing = new SatisfactionTesting(world);
		agent = world.token(world.agent);
		today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		tomorrow = today.plusDays(1);
	}

	@Test
	void eachFigureIsTheCountOfItsRecords() {
		long satisfied = testing.resolved("投影仪无信号");
		long unreachable = testing.resolved("电话分机无声");
		long rated = testing.resolved("邮箱无法登录");
		visit(satisfied, "SATISFIED");
		visit(unreachable, "UNREACHABLE");
		long followUp = visit(unreachable, "DISSATISFIED").get("followUpTicketId").asLong();
		api.post("/api/v1/tickets/" + rated + "/rating", world.token(world.bureauUser), Map.of("score", 1));
		api.post("/api/v1/tickets/" + satisfied + "/rating", world.token(world.bureauUser), Map.of("score", 5));
		testing.resolve(followUp);

		var figures = report.figures(testing.providerScope(), today, tomorrow, null);
		assertThat(figures).containsOnlyKeys(world.providerParty);
		var mine = figures.get(world.providerParty);
		long provider = world.providerParty;
		// the three tickets and the follow-up, resolved today; the configured sample is 100 %
		var start = java.sql.Timestamp.from(today.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
		var end = java.sql.Timestamp.from(tomorrow.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
		assertThat(mine.count("PLANNED")).isEqualTo(count("""
				select count(*) from ticket where provider_party_id = ? and status in ('RESOLVED', 'CLOSED')
				  and resolved_at >= ? and resolved_at < ?""", provider, start, end)).isEqualTo(4);
		assertThat(mine.count("REACHED")).isEqualTo(count("""
				select count(distinct v.ticket_id) from ticket_return_visit v join ticket t on t.id = v.ticket_id
				where t.provider_party_id = ? and v.result <> 'UNREACHABLE'""", provider)).isEqualTo(2);
		assertThat(mine.count("CALLS")).isEqualTo(count("""
				select count(*) from ticket_return_visit v join ticket t on t.id = v.ticket_id
				where t.provider_party_id = ?""", provider)).isEqualTo(3);
		assertThat(mine.results()).containsEntry(ReturnVisitResult.SATISFIED, 1L)
			.containsEntry(ReturnVisitResult.UNREACHABLE, 1L).containsEntry(ReturnVisitResult.DISSATISFIED, 1L)
			.containsEntry(ReturnVisitResult.BASICALLY_SATISFIED, 0L);
		for (int score = 1; score <= 5; score++) {
			assertThat(mine.scores().get(score)).as("score %d", score).isEqualTo(count("""
					select count(*) from ticket_rating r join ticket t on t.id = r.ticket_id
					where t.provider_party_id = ? and r.score = ?""", provider, score));
		}
		assertThat(mine.scores()).containsEntry(1, 1L).containsEntry(5, 1L);
		assertThat(mine.count("FOLLOW_UPS_OPENED")).isEqualTo(count("""
				select (select count(*) from ticket_rating r join ticket t on t.id = r.ticket_id
				          where t.provider_party_id = ? and r.follow_up_ticket_id is not null)
				     + (select count(*) from ticket_return_visit v join ticket t on t.id = v.ticket_id
				          where t.provider_party_id = ? and v.follow_up_ticket_id is not null)""", provider, provider))
			.isEqualTo(2);
		assertThat(mine.count("FOLLOW_UPS_CLOSED")).isEqualTo(1);

		for (var figure : ReturnVisitReport.Figure.values()) {
			assertThat(report.records(figure, null, testing.providerScope(), today, tomorrow, null, 200, null).items())
				.as(figure.name()).hasSize((int) mine.count(figure.name()));
		}
		assertThat(report.records(ReturnVisitReport.Figure.RESULT, "DISSATISFIED", testing.providerScope(), today,
				tomorrow, null, 200, null).items()).extracting(ReportRecord::ticketId).containsExactly(unreachable);
		// one record a page: the keyset walks the three calls, newest first, and stops
		var first = report.records(ReturnVisitReport.Figure.CALLS, null, testing.providerScope(), today, tomorrow,
				null, 1, null);
		var second = report.records(ReturnVisitReport.Figure.CALLS, null, testing.providerScope(), today, tomorrow,
				null, 1, ReportRecord.Cursor.decode(first.next()));
		var third = report.records(ReturnVisitReport.Figure.CALLS, null, testing.providerScope(), today, tomorrow,
				null, 1, ReportRecord.Cursor.decode(second.next()));
		assertThat(List.of(first.items().get(0).detail(), second.items().get(0).detail(), third.items().get(0).detail()))
			.containsExactly("DISSATISFIED", "UNREACHABLE", "SATISFIED");
		assertThat(third.next()).isNull();
		assertThat(report.figures(testing.providerScope(), tomorrow, tomorrow.plusDays(1), null)).isEmpty();
	}

	@Test
	void aProviderSeesItsOwnFiguresCustomersNoneAndSupervisionReadsOnly() throws IOException {
		long id = testing.resolved("考勤机不识别指纹");
		visit(id, "SATISFIED");
		long provider = world.providerParty;
		TicketFixtures other = new TicketFixtures(jdbc, api);
		long theirs = new SatisfactionTesting(other).resolved("另一家的工单");
		api.post("/api/v1/return-visits", other.token(other.agent),
				Map.of("ticketId", theirs, "contact", "钱八", "result", "SATISFIED"));

		WebSession mine = session(world.agent);
		var page = mine.get("/return-visits/report");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"provider-" + provider + "\"", "id=\"CALLS-" + provider + "\"")
			.doesNotContain("id=\"provider-" + other.providerParty + "\"");
		WebSession theirAgent = session(other.agent);
		assertThat(theirAgent.get("/return-visits/report?providerPartyId=" + provider).body())
			.doesNotContain("id=\"provider-" + provider + "\"");
		assertThat(theirAgent.get("/return-visits/report/records?figure=CALLS&providerPartyId=" + provider).body())
			.contains("id=\"records-empty\"").doesNotContain("id=\"record-" + id + "\"");
		assertThat(mine.get("/return-visits/report/records?figure=CALLS").body()).contains("id=\"record-" + id + "\"")
			.doesNotContain("id=\"record-" + theirs + "\"");
		var english = mine.get("/return-visits/report/records?figure=RESULT&value=SATISFIED&lang=en").body();
		assertThat(english).contains("Results · Satisfied", "id=\"record-" + id + "\"")
			.doesNotContain("return-visit.", "RESULT");
		assertThat(mine.get("/return-visits/report?lang=en").body()).contains("Planned visits", "Very satisfied")
			.doesNotContain("return-visit.", "satisfaction.");
		assertThat(mine.get("/return-visits/report/records?figure=NONSENSE").status()).isEqualTo(400);
		assertThat(session(world.bureauUser).get("/return-visits/report").status()).isEqualTo(403);
		assertThat(session(world.bureauUser).get("/return-visits/report.xlsx").status()).isEqualTo(403);
		assertThat(mine.get("/return-visits/report?from=2026-13-01").status()).isEqualTo(400);
		// a period names its last day as every report does: today to today holds today's visit
		String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		assertThat(mine.get("/return-visits/report/records?figure=CALLS&from=" + day + "&to=" + day).body())
			.contains("id=\"record-" + id + "\"");
		assertThat(mine.get("/return-visits/report?from=" + day + "&to=" + day).body())
			.contains("id=\"CALLS-" + provider + "\"", "id=\"report-preset-this-month\"");
		assertThat(mine.get("/return-visits/report?from=" + day + "&to=2000-01-01").status()).isEqualTo(400);

		String supervisorName = world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", "监理公司"), null, "监理部"), "SUPERVISOR");
		WebSession supervisor = session(supervisorName);
		assertThat(supervisor.get("/return-visits/report").body()).contains("id=\"provider-" + provider + "\"",
				"id=\"provider-" + other.providerParty + "\"", "id=\"providerPartyId\"");
		String supervisorToken = world.token(supervisorName);
		assertThat(api.post("/api/v1/return-visits", supervisorToken,
				Map.of("ticketId", id, "contact", "监理", "result", "SATISFIED")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/tickets/" + id + "/rating", supervisorToken, Map.of("score", 5)).status())
			.isEqualTo(403);

		long audits = count("select count(*) from audit_record where action = 'RETURN_VISIT_REPORT_EXPORT'");
		var download = mine.download("/return-visits/report.xlsx");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).contains("spreadsheetml");
		var figures = report.figures(testing.providerScope(), today, tomorrow, null).get(provider);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).startsWith("运维服务商");
			assertThat(List.of(row.getCell(1).getNumericCellValue(), row.getCell(2).getNumericCellValue(),
					row.getCell(3).getNumericCellValue(), row.getCell(4).getNumericCellValue()))
				.containsExactly((double) figures.count("PLANNED"), (double) figures.count("REACHED"),
						(double) figures.count("CALLS"), (double) figures.results().get(ReturnVisitResult.SATISFIED));
		}
		assertThat(count("select count(*) from audit_record where action = 'RETURN_VISIT_REPORT_EXPORT'"))
			.isEqualTo(audits + 1);
	}

	private tools.jackson.databind.JsonNode visit(long ticketId, String result) {
		var response = api.post("/api/v1/return-visits", agent,
				Map.of("ticketId", ticketId, "contact", "张三 13800138000", "result", result));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	private WebSession session(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestDirectory.PASSWORD, null);
		return session;
	}
}
