package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.knowledge.internal.search.IndexFollower;
import org.yunwei.knowledge.internal.search.KnowledgeChangeLog;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Suggestions while a ticket is written show each reader what they may see (customers: articles published for
 * customers and their own past incidents); linking an article to a ticket and marking it is the working agent's,
 * audited, and refused clearly otherwise.
 */
class KnowledgeOnTicketsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	KnowledgeChangeLog changes;

	@Autowired
	IndexFollower follower;

	TicketFixtures world;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
	}

	private long published(String title, String visibility) {
		long id = KnowledgeFixtures.published(jdbc, world.providerParty, world.providerUnit, world.userId(world.agent),
				title, "更换灯泡前先断电", visibility);
		changes.record(id);
		follower.catchUp();
		return id;
	}

	private String suggestions(String token, String subject) {
		var answer = world.api.get("/api/v1/knowledge/suggestions?subject="
				+ URLEncoder.encode(subject, StandardCharsets.UTF_8), token);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().toString();
	}

	@Test
	void suggestionsShowEachReaderOnlyWhatTheyMaySee() {
		String word = TestDirectory.unique("投影仪灯泡不亮");
		long internal = published(word + "（内部排查）", "INTERNAL");
		long forCustomers = published(word + "的处理方法", "CUSTOMER");
		long incident = new ResolvedTickets(world).resolved(word);
		// the similar incidents come from the 日常问题查询库's index, which takes the resolution after its commit
		await().atMost(Duration.ofSeconds(30))
			.until(() -> suggestions(world.token(world.agent), word).contains("\"ticketId\":" + incident));
		String stranger = world.directory.user(world.directory.orgUnit(
				world.directory.party("CUSTOMER", TestDirectory.unique("别的委办局")), null, "办公室"));

		String customer = suggestions(world.token(world.bureauUser), word);
		assertThat(customer).contains("\"articleId\":" + forCustomers).doesNotContain("\"articleId\":" + internal)
			.contains("\"ticketId\":" + incident);
		String agent = suggestions(world.token(world.agent), word);
		assertThat(agent).contains("\"articleId\":" + forCustomers, "\"articleId\":" + internal,
				"\"ticketId\":" + incident);
		String other = suggestions(world.token(stranger), word);
		assertThat(other).contains("\"articleId\":" + forCustomers).doesNotContain("\"ticketId\":" + incident);

		assertThat(world.api.get("/api/v1/knowledge/suggestions?subject=", world.token(world.agent)).status())
			.isEqualTo(400);
	}

	@Test
	void theWorkingAgentLinksAndMarksAndOthersAreRefused() {
		long article = published(TestDirectory.unique("门禁刷卡无反应的处理"), "INTERNAL");
		long draft = KnowledgeFixtures.published(jdbc, world.providerParty, world.providerUnit,
				world.userId(world.agent), "草稿", "草稿", "INTERNAL");
		jdbc.sql("update knowledge_article set status = 'RETIRED' where id = ?").param(draft).update();
		long ticket = world.submitted("门禁刷卡无反应").get("ticket").get("id").asLong();
		String path = "/api/v1/knowledge/tickets/" + ticket + "/articles";
		String agent = world.token(world.agent);
		String customer = world.token(world.bureauUser);

		assertThat(world.api.post(path, customer, Map.of("articleId", article)).status()).isEqualTo(403);
		assertThat(world.api.get(path, customer).status()).isEqualTo(403);
		assertThat(world.api.post(path, agent, Map.of()).status()).isEqualTo(400);
		assertThat(world.api.post(path, agent, Map.of("articleId", draft)).status()).isEqualTo(400);
		var linked = world.api.post(path, agent, Map.of("articleId", article));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
		assertThat(world.api.post(path, agent, Map.of("articleId", article)).status()).isEqualTo(409);
		assertThat(world.api.put(path + "/" + article, agent, Map.of()).status()).isEqualTo(400);
		assertThat(world.api.put(path + "/" + draft, agent, Map.of("solved", true)).status()).isEqualTo(404);
		var marked = world.api.put(path + "/" + article, agent, Map.of("solved", true));
		assertThat(marked.status()).isEqualTo(200);
		assertThat(marked.json().get(0).get("solved").asBoolean()).isTrue();
		assertThat(world.api.get(path, agent).json().size()).isEqualTo(1);

		long other = world.directory.orgUnit(world.directory.party("PROVIDER", TestDirectory.unique("别的公司")), null,
				"服务台");
		String stranger = world.token(world.directory.user(other, "SERVICE_DESK_AGENT"));
		assertThat(world.api.post(path, stranger, Map.of("articleId", article)).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_record where action in ('KNOWLEDGE_ARTICLE_LINKED',"
				+ " 'KNOWLEDGE_ARTICLE_MARKED') and object_id = ?").param(String.valueOf(article)).query(Long.class)
			.single()).isEqualTo(2);
	}
}
