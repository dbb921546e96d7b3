package org.yunwei.knowledge.internal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.knowledge.internal.KnowledgeFixtures;
import org.yunwei.knowledge.internal.search.IndexFollower;
import org.yunwei.knowledge.internal.search.KnowledgeChangeLog;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Coverage and effectiveness: resolved incidents reach the knowledge base as the service desk's events; a linked
 * article covers its incident, a mark says whether it solved it; the figures follow the reader's scope and are the
 * register's evidence of 6.2.2b–e.
 */
@EnableScenarios
class KnowledgeCoverageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	KnowledgeChangeLog changes;

	@Autowired
	IndexFollower follower;

	@Autowired
	KnowledgeEvidence evidence;

	private long recorded(long ticketId) {
		return jdbc.sql("select count(*) from knowledge_resolved_incident where ticket_id = ?").param(ticketId)
			.query(Long.class).single();
	}

	@Test
	void aResolvedIncidentWithALinkedArticleIsCoveredAndTheFiguresFollowTheScope(Scenario scenario) {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		ResolvedTickets resolved = new ResolvedTickets(world);
		long article = KnowledgeFixtures.published(jdbc, world.providerParty, world.providerUnit,
				world.userId(world.agent), TestDirectory.unique("打印机卡纸"), "打开后盖取出纸张", "CUSTOMER");
		changes.record(article);
		follower.catchUp();
		long[] tickets = new long[2];
		scenario.stimulate(() -> tickets[0] = resolved.resolved("打印机卡纸"))
			.andWaitForStateChange(() -> recorded(tickets[0]), n -> n == 1)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		scenario.stimulate(() -> tickets[1] = resolved.resolved("显示器黑屏"))
			.andWaitForStateChange(() -> recorded(tickets[1]), n -> n == 1)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		String agent = world.token(world.agent);
		String path = "/api/v1/knowledge/tickets/" + tickets[0] + "/articles";
		assertThat(world.api.post(path, agent, Map.of("articleId", article)).status()).isEqualTo(201);
		assertThat(world.api.put(path + "/" + article, agent, Map.of("solved", true)).status()).isEqualTo(200);

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
		var figures = world.api.get("/api/v1/knowledge/coverage" + period, world.token(world.lead));
		assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
		var total = figures.json().get("total");
		assertThat(total.get("resolved").asLong()).isEqualTo(2);
		assertThat(total.get("covered").asLong()).isEqualTo(1);
		assertThat(total.get("solvedByArticle").asLong()).isEqualTo(1);
		assertThat(figures.json().get("byService").get(0).get("serviceId").asLong()).isEqualTo(world.service);
		assertThat(figures.json().get("solved").asLong()).isEqualTo(1);
		assertThat(figures.json().get("mostUsed").get(0).get("articleId").asLong()).isEqualTo(article);

		// another provider's desk sees none of it
		long other = world.directory.orgUnit(world.directory.party("PROVIDER", TestDirectory.unique("别的公司")), null,
				"服务台");
		var theirs = world.api.get("/api/v1/knowledge/coverage" + period,
				world.token(world.directory.user(other, "SERVICE_DESK_MANAGER")));
		assertThat(theirs.json().get("total").get("resolved").asLong()).isZero();

		assertThat(world.api.get("/api/v1/knowledge/coverage", world.token(world.bureauUser)).status())
			.isEqualTo(403);
		assertThat(world.api.get("/api/v1/knowledge/coverage?from=2026-02-30&to=2026-01-01", agent).status())
			.isEqualTo(400);

		var register = evidence.evidence(new EvidenceRequest(today.minusDays(1), today.plusDays(1),
				ZoneId.of("Asia/Shanghai"), world.providerParty, java.time.Instant.now()));
		Evidence coverage = register.stream().filter(e -> e.itemId().equals("6.2.2b")).findFirst().orElseThrow();
		assertThat(coverage.figures()).anySatisfy(f -> {
			assertThat(f.label()).isEqualTo("evidence.knowledge.covered");
			assertThat(f.value()).isEqualTo(1);
		});
		assertThat(register).extracting(Evidence::itemId).containsExactlyInAnyOrder("6.2.2b", "6.2.2c", "6.2.2d",
				"6.2.2e", "5.6.2a.2");
	}
}
