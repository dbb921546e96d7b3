package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Return visits hold the customers' names and phone numbers and are the service desk's own record (issue 14,
 * findings 5 and 6): administrators, integration accounts and people without a ticket role read neither the visits,
 * the worklist nor the report, and rate nothing, although their party's scope would include the ticket. Agents and
 * reporting read them; the customer rates.
 */
class EvaluationAccessIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;
	SatisfactionTesting testing;
	long ticket;

	@BeforeEach
	void aVisitedTicket() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		testing = new SatisfactionTesting(world);
		ticket = testing.resolved("回访权限 " + TestDirectory.unique(""));
		SatisfactionTesting.expect(201, api.post("/api/v1/return-visits", world.token(world.agent),
				Map.of("ticketId", ticket, "contact", "张三 13800000000", "result", "SATISFIED")));
	}

	@Test
	void peopleWithoutATicketRoleReadNoReturnVisitAndRateNothing() {
		List<String> refused = List.of(world.token(world.directory.user(world.providerUnit)),
				world.token(world.directory.user(world.providerUnit, "ALERT_INTEGRATION")),
				world.administratorToken("SYSTEM_ADMIN"), world.administratorToken("SECURITY_ADMIN"),
				world.administratorToken("AUDIT_ADMIN"));
		for (String token : refused) {
			var visits = api.get("/api/v1/return-visits?ticketId=" + ticket, token);
			assertThat(visits.status()).as(visits.toString()).isEqualTo(403);
			assertThat(visits.body()).doesNotContain("13800000000");
			var worklist = api.get("/api/v1/return-visits/worklist", token);
			assertThat(worklist.status()).as(worklist.toString()).isEqualTo(403);
			assertThat(api.post("/api/v1/return-visits", token, Map.of("ticketId", ticket, "contact", "李四",
					"result", "DISSATISFIED")).status()).isEqualTo(403);
			assertThat(api.post("/api/v1/tickets/" + ticket + "/rating", token, Map.of("score", 1)).status())
				.isEqualTo(403);
			assertThat(api.get("/api/v1/tickets/" + ticket + "/rating", token).status()).isEqualTo(403);
		}
		WebSession pages = new WebSession(port);
		pages.signIn(world.directory.user(world.providerUnit), TestDirectory.PASSWORD, null);
		assertThat(pages.get("/return-visits").status()).isEqualTo(403);
		assertThat(pages.get("/return-visits/new?ticketId=" + ticket).status()).isEqualTo(403);
		assertThat(pages.get("/return-visits/report").status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from ticket_return_visit where ticket_id = ?").param(ticket)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ticket_rating where ticket_id = ?").param(ticket)
			.query(Long.class).single()).isZero();
	}

	@Test
	void agentsAndReportingReadVisitsAndOnlyTheCustomerRates() {
		assertThat(api.get("/api/v1/return-visits?ticketId=" + ticket, world.token(world.agent)).json().size())
			.isEqualTo(1);
		assertThat(api.get("/api/v1/return-visits?ticketId=" + ticket, world.managerToken).json().size())
			.isEqualTo(1);
		assertThat(api.get("/api/v1/return-visits?ticketId=" + ticket, world.token(world.bureauUser)).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/tickets/" + ticket + "/rating", world.token(world.agent), Map.of("score", 5))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/tickets/" + ticket + "/rating", world.token(world.bureauUser),
				Map.of("score", 5)).status()).isEqualTo(201);
	}

}
