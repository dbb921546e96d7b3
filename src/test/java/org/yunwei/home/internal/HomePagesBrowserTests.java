package org.yunwei.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The home page in a real browser: a customer's button leads to the new-request form; an agent's queue shows the
 * ticket assigned to them and opens it; the side navigation marks the current page.
 */
class HomePagesBrowserTests extends BrowserTestSupport {

	@Test
	void theCustomersButtonOpensTheNewRequestForm() {
		TicketFixtures world = new TicketFixtures(jdbc, api());

		signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		waitForPath("/");
		assertThat(find("#nav-home").getAttribute("aria-current")).isEqualTo("page");
		clickAndWaitForTheNextPage("#new-request");

		waitForPath("/portal/tickets/new");
		assertThat(find("#portal-form").isDisplayed()).isTrue();
		assertThat(find("#portal-submit").isDisplayed()).isTrue();
	}

	@Test
	void theAgentsQueueShowsTheirTicketAndOpensIt() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long ticket = world.submitted(TestDirectory.unique("门禁系统故障 ")).get("ticket").get("id").asLong();
		ResolvedTickets.expect(200, api().post("/api/v1/tickets/" + ticket + "/assign", world.token(world.lead),
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent))));
		String number = jdbc.sql("select number from ticket where id = ?").param(ticket).query(String.class).single();

		signIn(world.agent, TestDirectory.PASSWORD, null);
		waitForPath("/");
		assertThat(find("#home-my-queue").getText()).contains(number, "门禁系统故障");
		clickAndWaitForTheNextPage("#my-queue a[href='/tickets/" + ticket + "']");

		waitForPath("/tickets/" + ticket);
		assertThat(find("#ticket-number").getText()).isEqualTo(number);
		assertThat(find("#nav-servicedesk").getAttribute("aria-current")).isEqualTo("page");
		assertThat(find("#breadcrumb-list").getAttribute("href")).endsWith("/tickets");
	}
}
