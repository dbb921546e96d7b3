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

/**
 * The search's vocabulary: a synonym group makes each term find what the others find, at once and without a
 * rebuild; the user dictionary refuses what is no word; only KNOWLEDGE_ADMIN keeps them; a rebuild shows its
 * progress and ends with every published article in the index.
 */
class KnowledgeVocabularyIntegrationTests extends IntegrationTestSupport {

	@Autowired
	KnowledgeChangeLog changes;

	@Autowired
	IndexFollower follower;

	KnowledgeWorld world;
	String admin;

	@BeforeEach
	void world() {
		world = new KnowledgeWorld(jdbc, port);
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		admin = world.token(world.directory.user(management, "SERVICE_MANAGER"));
	}

	private String found(String token, String q) {
		var answer = world.api.get("/api/v1/knowledge/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
				token);
		assertThat(answer.status()).isEqualTo(200);
		return answer.json().toString();
	}

	@Test
	void aSynonymGroupFindsEachOthersArticlesAtOnce() {
		// letters only: a digit would be a term of its own that the title shares with the query
		String code = TestDirectory.unique("").chars()
			.mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) ('a' + c - '0')) : "q")
			.collect(java.util.stream.Collectors.joining());
		long id = KnowledgeFixtures.published(jdbc, world.provider, world.desk, world.directory.userId(world.author),
				"电脑蓝屏" + code + "后无法开机的处理", "进入安全模式卸载驱动", "CUSTOMER");
		changes.record(id);
		follower.catchUp();
		String customer = world.token(world.customer);
		String term = "bsod" + code;
		assertThat(found(customer, term)).doesNotContain("\"articleId\":" + id + ",");

		var added = world.api.post("/api/v1/knowledge/vocabulary/synonyms", admin,
				Map.of("terms", "蓝屏" + code + "/" + term));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long group = added.json().get("id").asLong();
		assertThat(found(customer, term)).contains("\"articleId\":" + id + ",");
		assertThat(world.audits("KNOWLEDGE_SYNONYMS_ADDED", group)).isEqualTo(1);

		assertThat(world.api.delete("/api/v1/knowledge/vocabulary/synonyms/" + group, admin).status()).isEqualTo(204);
		assertThat(found(customer, term)).doesNotContain("\"articleId\":" + id + ",");
	}

	@Test
	void onlyAnAdministratorKeepsTheVocabularyAndBadInputChangesNothing() {
		assertThat(world.api.post("/api/v1/knowledge/vocabulary/synonyms", world.token(world.author),
				Map.of("terms", "打印机/打印机器")).status()).isEqualTo(403);
		assertThat(world.api.get("/api/v1/knowledge/vocabulary", world.token(world.customer)).status())
			.isEqualTo(403);
		long before = jdbc.sql("select count(*) from knowledge_synonym").query(Long.class).single();
		assertThat(world.api.post("/api/v1/knowledge/vocabulary/synonyms", admin, Map.of("terms", "打印机"))
			.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from knowledge_synonym").query(Long.class).single()).isEqualTo(before);
		assertThat(world.api.post("/api/v1/knowledge/vocabulary/words", admin, Map.of("word", "机")).status())
			.isEqualTo(400);
		String word = TestDirectory.unique("打印机器");
		var added = world.api.post("/api/v1/knowledge/vocabulary/words", admin, Map.of("word", word));
		assertThat(added.status()).isEqualTo(201);
		assertThat(world.api.post("/api/v1/knowledge/vocabulary/words", admin, Map.of("word", word)).status())
			.isEqualTo(409);
		assertThat(world.api.get("/api/v1/knowledge/vocabulary", admin).json().toString()).contains(word);
		assertThat(world.api.delete("/api/v1/knowledge/vocabulary/words/" + added.json().get("id").asLong(), admin)
			.status()).isEqualTo(204);
	}

	@Test
	void aRebuildShowsItsProgressAndEndsWithEveryPublishedArticle() {
		long id = KnowledgeFixtures.published(jdbc, world.provider, world.desk, world.directory.userId(world.author),
				"交换机端口闪烁", "检查网线", "INTERNAL");
		changes.record(id);
		var started = world.api.post("/api/v1/knowledge/index/rebuild", admin, null);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).until(() -> !world.api.get("/api/v1/knowledge/index", admin).json()
			.get("rebuild").get("running").asBoolean());
		var state = world.api.get("/api/v1/knowledge/index", admin).json();
		assertThat(state.get("rebuild").get("failed").asBoolean()).isFalse();
		assertThat(state.get("documents").asLong()).isEqualTo(state.get("published").asLong());
		assertThat(state.get("applied").asLong()).isEqualTo(state.get("lastChange").asLong());
	}
}
