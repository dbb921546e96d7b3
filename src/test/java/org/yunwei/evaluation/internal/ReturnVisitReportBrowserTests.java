package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/** The return-visit report renders in a browser, and a figure leads to the records it counts. */
class ReturnVisitReportBrowserTests extends BrowserTestSupport {

	@Test
	void aFigureOfTheReportLeadsToItsRecords() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long id = new SatisfactionTesting(world).resolved("会议系统无声音");
		var visit = api().post("/api/v1/return-visits", world.token(world.agent),
				Map.of("ticketId", id, "contact", "孙九 010-5555", "result", "BASICALLY_SATISFIED"));
		assertThat(visit.status()).isEqualTo(201);
		String number = jdbc.sql("select number from ticket where id = ?").param(id).query(String.class).single();
		long provider = world.providerParty;

		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/return-visits");
		clickAndWaitForTheNextPage("#report-link");
		waitForPath("/return-visits/report");
		assertThat(find("#provider-" + provider).getText()).contains("运维服务商");
		assertThat(find("#RESULT-BASICALLY_SATISFIED-" + provider).getText()).isEqualTo("1");
		clickAndWaitForTheNextPage("#RESULT-BASICALLY_SATISFIED-" + provider);
		waitForPath("/return-visits/report/records");
		assertThat(find("#records-title").getText()).contains("回访结果", "基本满意");
		assertThat(find("#record-" + id).getText()).contains(number, "会议系统无声音", "基本满意");
		clickAndWaitForTheNextPage("#records-back");
		waitForPath("/return-visits/report");
		assertThat(find("#report-table").isDisplayed()).isTrue();
	}
}
