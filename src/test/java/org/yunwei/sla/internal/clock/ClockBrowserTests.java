package org.yunwei.sla.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

class ClockBrowserTests extends BrowserTestSupport {

	@Autowired
	SlaClocks clocks;

	@Test
	void anAssessorFindsAPausedClockAndReadsItsHistory() {
		ClockSubject subject = new ClockSubject("ticket", TestDirectory.unique("B"));
		Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
		clocks.start(subject, ClockKind.RESOLUTION,
				new ClockTerms(null, Priority.P3, null, TimeBasis.CALENDAR, Duration.ofHours(8), List.of(50, 75)),
				start);
		clocks.pause(subject, ClockKind.RESOLUTION, start.plus(Duration.ofMinutes(10)));

		var directory = new TestDirectory(jdbc);
		String supervisor = directory.user(directory.orgUnit(directory.party("SUPERVISION", "监理"), null, "监理部"),
				"SUPERVISOR");
		signIn(supervisor, TestDirectory.PASSWORD, null);
		waitForPath("/");
		clickAndWaitForTheNextPage("a[href='/sla/clocks']");
		assertThat(find("#clocks-hint").getText()).contains("工单编号");

		// a clock started here belongs to no ticket: it is opened by its subject, as the API names it
		open("/sla/clocks?subjectType=" + subject.type() + "&subjectId=" + subject.id());
		assertThat(find("#clock-RESOLUTION-status").getText()).isEqualTo("已挂起");
		assertThat(find("#clock-RESOLUTION-elapsed").getText()).startsWith("0 小时 10 分");
		assertThat(find("#clock-RESOLUTION-remaining").getText()).isEqualTo("7 小时 50 分");
		List<String> events = browser.findElements(By.cssSelector("#clock-RESOLUTION-history tbody tr td:nth-child(3)"))
			.stream()
			.map(cell -> cell.getText())
			.toList();
		assertThat(events).containsExactly("开始计时", "挂起");
		assertThat(browser.findElements(By.id("clock-RESPONSE"))).isEmpty();
	}
}
