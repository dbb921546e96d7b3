package org.yunwei.sla.internal.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * Attainment over clocks of agreements made for each test, two months ago (the period) and last month (outside it,
 * inside the trend). Other tests share the database, so assertions look at these agreements' rows only.
 */
class AttainmentIntegrationTests extends IntegrationTestSupport {

	private static final YearMonth PERIOD = YearMonth.now(AttainmentPeriod.ZONE).minusMonths(2);
	private static final String RANGE = "from=" + PERIOD.atDay(1) + "&to=" + PERIOD.atEndOfMonth();

	@Autowired
	SlaClocks clocks;

	@Autowired
	PlatformTransactionManager transactionManager;

	TestDirectory directory;
	long provider;
	long agreement;
	String agreementCode;
	long otherAgreement;

	@BeforeEach
	void clocksOfTwoProviders() {
		directory = new TestDirectory(jdbc);
		provider = directory.party("PROVIDER", "运维公司");
		agreementCode = TestDirectory.unique("ATT");
		agreement = agreement(agreementCode, provider);
		otherAgreement = agreement(TestDirectory.unique("ATT"), directory.party("PROVIDER", "另一运维公司"));

		// responses: two in time, one an hour late; resolutions: P2 in time, P3 late, P1 still open past due
		stopped(agreement, ClockKind.RESPONSE, Priority.P1, at(10, 9), Duration.ofHours(1), at(10, 9).plusSeconds(600));
		stopped(agreement, ClockKind.RESPONSE, Priority.P1, at(11, 9), Duration.ofHours(1), at(11, 10));
		stopped(agreement, ClockKind.RESPONSE, Priority.P1, at(12, 9), Duration.ofHours(1), at(12, 11));
		stopped(agreement, ClockKind.RESOLUTION, Priority.P2, at(13, 9), Duration.ofHours(8), at(13, 15));
		stopped(agreement, ClockKind.RESOLUTION, Priority.P3, at(14, 9), Duration.ofHours(4), at(14, 13).plusSeconds(1800));
		running(agreement, ClockKind.RESOLUTION, Priority.P1, at(20, 9), Duration.ofHours(1));
		// outside the period: stopped in time last month
		Instant lastMonth = PERIOD.plusMonths(1).atDay(5).atTime(9, 0).atZone(AttainmentPeriod.ZONE).toInstant();
		stopped(agreement, ClockKind.RESPONSE, Priority.P2, lastMonth, Duration.ofHours(1), lastMonth.plusSeconds(60));
		stopped(otherAgreement, ClockKind.RESPONSE, Priority.P1, at(10, 9), Duration.ofHours(1), at(10, 12));
	}

	@Test
	void ratesCountTheClocksStoppedInThePeriodPerKindAndPriority() {
		JsonNode rows = api().get("/api/v1/sla/attainment?" + RANGE, manager()).json().get("rows");

		assertThat(row(rows, agreement, "RESPONSE", null)).isEqualTo("3/2/1/66.7");
		assertThat(row(rows, agreement, "RESPONSE", "P1")).isEqualTo("3/2/1/66.7");
		assertThat(row(rows, agreement, "RESOLUTION", null)).isEqualTo("2/1/1/50.0");
		assertThat(row(rows, agreement, "RESOLUTION", "P2")).isEqualTo("1/1/0/100.0");
		assertThat(row(rows, agreement, "RESOLUTION", "P3")).isEqualTo("1/0/1/0.0");
		assertThat(row(rows, otherAgreement, "RESPONSE", null)).isEqualTo("1/0/1/0.0");

		JsonNode one = api().get("/api/v1/sla/attainment?" + RANGE + "&agreementId=" + agreement, manager()).json();
		assertThat(one.get("rows").valueStream().map(r -> r.get("agreementId").asLong()).distinct().toList())
			.containsExactly(agreement);
	}

	@Test
	void listsTheLateClocksThenTheOpenOnesPastDue() {
		JsonNode breaches = api().get("/api/v1/sla/attainment/" + agreement + "/breaches?" + RANGE, manager()).json();

		assertThat(breaches.get("agreement").get("code").asString()).isEqualTo(agreementCode);
		List<String> items = new ArrayList<>();
		breaches.get("items").forEach(item -> items.add(item.get("kind").asString() + " "
				+ item.get("priority").asString() + " " + item.get("stillOpen").asBoolean() + " "
				+ (item.get("stillOpen").asBoolean() ? "" : item.get("overdueMinutes").asLong())));
		assertThat(items).containsExactly("RESPONSE P1 false 60", "RESOLUTION P3 false 30", "RESOLUTION P1 true ");
		assertThat(breaches.get("items").get(2).get("overdueMinutes").asLong()).isGreaterThan(24 * 60);
	}

	@Test
	void theTrendHasTwelveMonthsWithTheRateOfEach() {
		JsonNode months = api().get("/api/v1/sla/attainment/" + agreement + "/trend", manager()).json().get("months");

		assertThat(months.size()).isEqualTo(24);
		assertThat(months.get(0).get("month").asString())
			.isEqualTo(YearMonth.now(AttainmentPeriod.ZONE).minusMonths(11).toString());
		assertThat(month(months, PERIOD, "RESPONSE")).isEqualTo("3/66.7");
		assertThat(month(months, PERIOD, "RESOLUTION")).isEqualTo("2/50.0");
		assertThat(month(months, PERIOD.plusMonths(1), "RESPONSE")).isEqualTo("1/100.0");
		assertThat(month(months, PERIOD.minusMonths(1), "RESPONSE")).isEqualTo("0/null");
	}

	@Test
	void exportsTheSameNumbersToExcelAndAuditsTheExport() throws Exception {
		String token = manager();
		long audited = exports();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sla/attainment/export?" + RANGE))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			List<String> summary = new ArrayList<>();
			for (Row row : workbook.getSheetAt(0)) {
				if (row.getRowNum() > 1 && row.getCell(0).getStringCellValue().equals(agreementCode)) {
					summary.add(row.getCell(3).getStringCellValue() + " " + (long) row.getCell(4).getNumericCellValue()
							+ "/" + (long) row.getCell(5).getNumericCellValue() + "/"
							+ row.getCell(7).getNumericCellValue());
				}
			}
			assertThat(summary).containsExactly("全部 3/2/66.7", "P1 3/2/66.7", "全部 2/1/50.0", "P2 1/1/100.0",
					"P3 1/0/0.0");
			Sheet breaches = workbook.getSheetAt(1);
			long ours = 0;
			for (Row row : breaches) {
				if (row.getCell(0).getStringCellValue().equals(agreementCode)) {
					ours++;
				}
			}
			assertThat(ours).isEqualTo(3);
		}
		assertThat(exports()).isEqualTo(audited + 1);
	}

	@Test
	void managementSupervisionAndTheOwnProviderReadCustomersAreRefused() {
		long supervision = directory.orgUnit(directory.party("SUPERVISION", "监理"), null, "监理部");
		String supervisor = token(directory.user(supervision, "SUPERVISOR"));
		String reporter = directory.role("SLA_REPORT");
		String providerReader = token(directory.user(directory.orgUnit(provider, null, "运维部"), reporter));
		long customer = directory.orgUnit(directory.party("CUSTOMER", "委办局"), null, "信息中心");
		String customerReader = token(directory.user(customer, reporter));
		String plain = token(directory.user(managementUnit()));
		String path = "/api/v1/sla/attainment?" + RANGE;

		assertThat(api().get(path, manager()).status()).isEqualTo(200);
		var supervised = api().get(path, supervisor);
		assertThat(supervised.status()).isEqualTo(200);
		assertThat(row(supervised.json().get("rows"), otherAgreement, "RESPONSE", null)).isNotNull();

		JsonNode own = api().get(path, providerReader).json().get("rows");
		assertThat(own.valueStream().map(r -> r.get("agreementId").asLong()).distinct().toList())
			.containsExactly(agreement);
		assertThat(api().get("/api/v1/sla/attainment/" + agreement + "/trend", providerReader).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/sla/attainment/" + otherAgreement + "/trend", providerReader).status())
			.isEqualTo(404);
		assertThat(api().get("/api/v1/sla/attainment/" + otherAgreement + "/breaches", providerReader).status())
			.isEqualTo(404);

		assertThat(api().get(path, customerReader).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/sla/attainment/export?" + RANGE, customerReader).status()).isEqualTo(403);
		assertThat(api().get(path, plain).status()).isEqualTo(403);
	}

	@Test
	void refusesUnreadablePeriodsWithFieldErrors() {
		String token = manager();
		var malformed = api().get("/api/v1/sla/attainment?from=2026-13-01&to=2026-12-31", token);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("from");
		assertThat(api().get("/api/v1/sla/attainment?from=2026-05-01&to=2026-04-01", token).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/sla/attainment?from=2026-05-01", token).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/sla/attainment?from=+999999999-01-01&to=2026-01-01", token).status())
			.isEqualTo(400);
		assertThat(api().get("/api/v1/sla/attainment/abc/trend", token).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/sla/attainment/" + agreement + "/breaches?from=x&to=y", token).status())
			.isEqualTo(400);
		assertThat(api().get("/api/v1/sla/attainment", token).status()).isEqualTo(200);
		assertThat(api().get("/v3/api-docs", null).json().get("paths").has("/api/v1/sla/attainment/{agreementId}/trend"))
			.isTrue();
	}

	@Test
	void thePageShowsRatesBreachesTrendAndExports() {
		WebSession session = new WebSession(port);
		session.signIn(directory.user(managementUnit(), "SERVICE_MANAGER"), TestDirectory.PASSWORD, null);

		var page = session.get("/sla/attainment?" + RANGE + "&agreementId=" + agreement);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("attainment-" + agreement + "-RESPONSE", "66.7 %", "breaches-table",
				"trend-" + PERIOD + "-RESPONSE", "<progress", "/sla/attainment/export?");
		// the trend is a chart of rates (0–100 %) with the month-by-month table folded behind it
		assertThat(page.body()).contains("id=\"chart-trend\"", "&quot;type&quot;:&quot;line&quot;",
				"&quot;percent&quot;:true", "id=\"trend-details\"", "/js/charts.js");
		assertThat(page.body()).doesNotContain("style=");

		var empty = session.get("/sla/attainment?from=1999-01-01&to=1999-01-31");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("is-invalid");
		var none = session.get("/sla/attainment?from=2000-01-01&to=2000-01-31");
		assertThat(none.body()).contains("attainment-empty");

		var download = session.download("/sla/attainment/export?" + RANGE);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body().length).isPositive();
	}

	private long agreement(String code, long providerParty) {
		return jdbc.sql("""
				insert into service_level_agreement (code, name, provider_party_id, valid_from)
				values (?, ?, ?, date '2025-01-01') returning id""")
			.params(code, "达成测试 " + code, providerParty)
			.query(Long.class)
			.single();
	}

	/**
	 * Starts and stops a clock in one transaction, so that the background tick never sees it running: a late stop
	 * raises the breach itself, and the report also recognises lateness by the times alone.
	 */
	private void stopped(long agreementId, ClockKind kind, Priority priority, Instant start, Duration target,
			Instant stop) {
		ClockSubject subject = new ClockSubject("attainment-test", TestDirectory.unique("S"));
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			clocks.start(subject, kind, terms(agreementId, priority, target), start);
			clocks.stop(subject, kind, stop);
		});
	}

	private void running(long agreementId, ClockKind kind, Priority priority, Instant start, Duration target) {
		clocks.start(new ClockSubject("attainment-test", TestDirectory.unique("S")), kind,
				terms(agreementId, priority, target), start);
	}

	private static ClockTerms terms(long agreementId, Priority priority, Duration target) {
		return new ClockTerms(agreementId, priority, null, TimeBasis.CALENDAR, target, List.of(50, 75, 90));
	}

	private static Instant at(int day, int hour) {
		return LocalDateTime.of(PERIOD.getYear(), PERIOD.getMonth(), day, hour, 0).atZone(AttainmentPeriod.ZONE)
			.toInstant();
	}

	/** counted/attained/breached/rate of one row, {@code null} when there is none. */
	private static String row(JsonNode rows, long agreementId, String kind, String priority) {
		for (JsonNode row : rows) {
			JsonNode rowPriority = row.get("priority");
			String p = rowPriority == null || rowPriority.isNull() ? null : rowPriority.asString();
			if (row.get("agreementId").asLong() == agreementId && row.get("kind").asString().equals(kind)
					&& java.util.Objects.equals(p, priority)) {
				return row.get("counted").asLong() + "/" + row.get("attained").asLong() + "/"
						+ row.get("breached").asLong() + "/" + row.get("rate").asString();
			}
		}
		return null;
	}

	private static String month(JsonNode months, YearMonth month, String kind) {
		for (JsonNode m : months) {
			if (m.get("month").asString().equals(month.toString()) && m.get("kind").asString().equals(kind)) {
				JsonNode rate = m.get("rate");
				return m.get("counted").asLong() + "/" + (rate == null || rate.isNull() ? "null" : rate.asString());
			}
		}
		return null;
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_record where action = 'SLA_ATTAINMENT_EXPORT'").query(Long.class)
			.single();
	}

	private long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
	}

	private String manager() {
		return token(directory.user(managementUnit(), "SERVICE_MANAGER"));
	}

	private String token(String username) {
		return Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
	}
}
