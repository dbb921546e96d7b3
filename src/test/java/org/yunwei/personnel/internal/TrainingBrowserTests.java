package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.Accounts;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A keeper makes a training plan in the browser, adds a course and a session, records who attended, sets the exam
 * and enters the score; the person's record then shows the session and the result, to the keeper and to the person.
 */
class TrainingBrowserTests extends BrowserTestSupport {

	@Test
	void aPlanWithASessionAttendanceAndAnExamEndsInThePersonsRecord() {
		TestDirectory directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("培训运维公司")), null, "运维部");
		String keeper = directory.user(unit, "SERVICE_DESK_MANAGER");
		String engineer = directory.user(unit, "SERVICE_DESK_AGENT");
		long staffId = api().post("/api/v1/staff", Accounts.tokenFor(api(), keeper, TestDirectory.PASSWORD, null),
				Map.of("userId", directory.userId(engineer))).json().get("id").asLong();

		signIn(keeper, TestDirectory.PASSWORD, null);
		open("/trainings");
		type("#year", "2026");
		type("#title", "2026年度运维培训计划");
		type("#needs", "新上线国产化设备，运维人员需掌握安全意识");
		clickAndWaitForTheNextPage("#training-save");
		assertThat(find("#training-title").getText()).isEqualTo("2026年度运维培训计划");
		assertThat(find("#courses-empty").isDisplayed()).isTrue();

		type("#course-title", "安全意识与钓鱼邮件识别");
		new Select(find("#course-category")).selectByValue("SECURITY_AWARENESS");
		type("#course-hours", "4");
		clickAndWaitForTheNextPage("#course-save");
		assertThat(find("#notice").getText()).isEqualTo("课程已添加。");

		// a date field takes its value as the browser's locale writes dates: set the ISO value it submits
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-11-20'", find("#session-date"));
		type("#session-place", "三楼会议室");
		type("#session-trainer", "张老师");
		clickAndWaitForTheNextPage("#session-save");
		String sessionId = find("[id^='attendance-form-']").getAttribute("id").replace("attendance-form-", "");

		click("#attend-" + sessionId + "-" + staffId);
		clickAndWaitForTheNextPage("#attendance-save-" + sessionId);
		assertThat(find("#attendees-" + sessionId).getText()).contains(engineer);

		type("#exam-title-" + sessionId, "安全意识考核");
		type("#exam-max-" + sessionId, "100");
		type("#exam-pass-" + sessionId, "60");
		clickAndWaitForTheNextPage("#exam-save-" + sessionId);
		assertThat(find("#exam-" + sessionId).getText()).contains("安全意识考核");

		type("#score-" + sessionId + "-" + staffId, "101");
		clickAndWaitForTheNextPage("#scores-save-" + sessionId);
		assertThat(find("#scores-score-" + staffId + "-error").getText()).contains("成绩应在 0 到满分之间");
		type("#score-" + sessionId + "-" + staffId, "85");
		clickAndWaitForTheNextPage("#scores-save-" + sessionId);
		assertThat(find("#attendees-" + sessionId).getText()).contains("85", "及格");

		open("/staff/" + staffId);
		assertThat(find("#training-record").getText()).contains("安全意识与钓鱼邮件识别", "2026-11-20", "85", "及格");

		browser.manage().deleteAllCookies();
		signIn(engineer, TestDirectory.PASSWORD, null);
		open("/staff/me");
		assertThat(find("#training-record").getText()).contains("安全意识与钓鱼邮件识别", "安全意识考核", "及格");
	}
}
