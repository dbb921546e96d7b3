package org.yunwei.ticket.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/** A service desk manager sets up routing on the page, and a customer's request then lands in the group. */
class RoutingBrowserTests extends BrowserTestSupport {

	@Test
	void aManagerCreatesTheDefaultRuleAndIsToldWhatToFixWhenAFormIsWrong() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		signIn(world.lead, TestDirectory.PASSWORD, null);
		waitForPath("/");
		open("/tickets/routing");
		assertThat(find("#rules-empty").getText()).contains("默认规则");

		// a rule with a condition before the default is refused, with the reason beside the conditions
		type("#name", "按服务分派");
		new Select(find("#serviceId")).selectByValue(String.valueOf(world.service));
		new Select(find("#groupId")).selectByValue(String.valueOf(world.firstLine));
		clickAndWaitForTheNextPage("#rule-create");
		assertThat(find("#problem").getText()).contains("未保存");
		assertThat(find("#conditions-error").getText()).contains("默认规则");
		assertThat(find("#name").getAttribute("value")).isEqualTo("按服务分派");

		new Select(find("#serviceId")).selectByValue("");
		type("#name", "默认分派");
		new Select(find("#assignment")).selectByValue("ROUND_ROBIN");
		type("#unassignedEscalationPercent", "50");
		clickAndWaitForTheNextPage("#rule-create");
		assertThat(find("#notice").getText()).contains("已保存");
		String table = find("#rule-table").getText();
		assertThat(table).contains("默认分派", "默认规则", "组内轮询分派", "响应时限用去 50% 仍无人受理时升级")
			.doesNotContain("ROUND_ROBIN", "routing.");
		assertThat(find("#nav-routing").getAttribute("href")).endsWith("/tickets/routing");

		long assignee = world.submitted("浏览器分派").get("ticket").get("assigneeUserId").asLong();
		assertThat(assignee).isIn(world.userId(world.lead), world.userId(world.agent));
	}
}
