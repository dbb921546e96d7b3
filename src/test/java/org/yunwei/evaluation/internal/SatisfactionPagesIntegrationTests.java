package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/** The rating page and the return-visit pages over plain HTTP: refusals beside the field, scope, languages. */
class SatisfactionPagesIntegrationTests extends IntegrationTestSupport {

	TicketFixtures world;
	SatisfactionTesting testing;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
		testing = new SatisfactionTesting(world);
	}

	@Test
	void aRatingWithoutStarsIsShownAgainWithTheMessageAndTheCommentKept() {
		long id = testing.resolved("扫描仪无法连接");
		WebSession customer = session(world.bureauUser);
		var form = customer.get("/tickets/" + id + "/rating");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"rating-form\"", "更换硒鼓后打印恢复正常");

		var refused = customer.post("/tickets/" + id + "/rating", Map.of("comment", "还行吧"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"score-error\"", "请选择满意程度", "还行吧");
		assertThat(jdbc.sql("select count(*) from ticket_rating where ticket_id = ?").param(id).query(Long.class)
			.single()).isZero();

		var rated = customer.post("/tickets/" + id + "/rating", Map.of("score", "5", "comment", "还行吧"));
		assertThat(rated.location()).endsWith("/tickets/" + id + "/rating");
		assertThat(customer.follow(rated).body()).contains("id=\"rating-given\"", "非常满意")
			.doesNotContain("id=\"rating-form\"");
		assertThat(customer.get("/tickets/" + id + "/rating?lang=en").body()).contains("Very satisfied",
				"Rate the service");
	}

	@Test
	void theRatingPageFollowsTheTicketsScope() {
		long id = testing.resolved("门禁卡失效");
		assertThat(session(world.departmentUser).get("/tickets/" + id + "/rating").status()).isEqualTo(404);
		var agentView = session(world.agent).get("/tickets/" + id + "/rating");
		assertThat(agentView.status()).isEqualTo(200);
		assertThat(agentView.body()).contains("id=\"rating-unavailable\"").doesNotContain("id=\"rating-form\"");
	}

	@Test
	void theWorklistIsTheServiceDesksAndAFailedVisitKeepsWhatWasTyped() {
		long id = testing.resolved("无线网络掉线");
		String number = jdbc.sql("select number from ticket where id = ?").param(id).query(String.class).single();
		assertThat(session(world.bureauUser).get("/return-visits").status()).isEqualTo(403);
		WebSession agent = session(world.agent);
		assertThat(agent.get("/return-visits?q=" + number).body()).contains("id=\"due-" + id + "\"");
		assertThat(agent.get("/return-visits?status=NEW").body()).contains("id=\"worklist-filter-error\"");
		long newer = testing.resolved("无线网络又掉线");
		var first = agent.get("/return-visits?groupId=" + world.firstLine + "&limit=1");
		assertThat(first.body()).contains("id=\"due-" + newer + "\"").doesNotContain("id=\"due-" + id + "\"");
		var more = agent.htmx(moreRowsLink(first.body()));
		assertThat(more.body()).contains("id=\"due-" + id + "\"").doesNotContain("<html");

		agent.get("/return-visits/new?ticketId=" + id);
		var refused = agent.post("/return-visits", Map.of("ticketId", String.valueOf(id), "contact", "周七 020-12345678",
				"comment", "客户说已经好了"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"result-error\"", "周七 020-12345678", "客户说已经好了");
		assertThat(jdbc.sql("select count(*) from ticket_return_visit where ticket_id = ?").param(id)
			.query(Long.class).single()).isZero();

		String otherAgent = new TestDirectory(jdbc).user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "别家运维"), null, "一部"), "SERVICE_DESK_AGENT");
		assertThat(session(otherAgent).get("/return-visits/new?ticketId=" + id).status()).isEqualTo(404);
	}

	@Test
	void theOpenApiDocumentDescribesRatingsAndReturnVisits() {
		var paths = api().get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.has("/api/v1/tickets/{id}/rating")).isTrue();
		assertThat(paths.has("/api/v1/return-visits")).isTrue();
		assertThat(paths.get("/api/v1/return-visits/worklist").get("get").get("summary").asString()).isNotBlank();
	}

	/** The htmx address of the "more" button. */
	private static String moreRowsLink(String page) {
		var link = java.util.regex.Pattern.compile("hx-get=\"(/return-visits[^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		return link.group(1).replace("&amp;", "&");
	}

	private WebSession session(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestDirectory.PASSWORD, null);
		return session;
	}
}
