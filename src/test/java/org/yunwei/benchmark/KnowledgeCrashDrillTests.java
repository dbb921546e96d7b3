package org.yunwei.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * The knowledge index after a crash (issue 17): Yunwei in a child JVM on the embedded PostgreSQL; an article's
 * publication committed in the database with its change-log row, exactly as {@code ArticlePublication} commits it,
 * and the JVM SIGKILLed before its index applied it (the child follows the log only after its own commits and
 * otherwise hourly, so the index cannot have caught up by itself). Started again on the same data and index
 * directory, it finds the article without a manual rebuild: at start the index applies the changes after the last one
 * it committed.
 */
class KnowledgeCrashDrillTests {

	@TempDir
	Path work;

	private final int port = ChildJvm.freePort();
	private final int postgresPort = ChildJvm.freePort();
	private int starts;
	private PGSimpleDataSource source;

	@Test
	void anEditCommittedButNotIndexedIsSearchableAfterTheJvmIsKilledAndStartedAgain() throws Exception {
		ChildJvm yunwei = start();
		try {
			source = database();
			JdbcClient jdbc = JdbcClient.create(source);
			ApiClient api = new ApiClient(port);
			TestDirectory directory = new TestDirectory(jdbc);
			long provider = directory.party("PROVIDER", "运维公司");
			long desk = directory.orgUnit(provider, null, "服务台");
			String agent = directory.user(desk, "SERVICE_DESK_AGENT");
			String token = Accounts.tokenFor(api, agent, TestDirectory.PASSWORD, null);
			String title = "硬盘阵列降级告警的处理方法";
			assertThat(found(api, token, "硬盘阵列降级")).isFalse();

			long article = published(provider, desk, directory.userId(agent), title);
			// committed, and the running node has not applied it: its search does not find it
			assertThat(found(api, token, "硬盘阵列降级")).isFalse();

			yunwei.kill();
			yunwei = start();
			String again = Accounts.tokenFor(api, agent, TestDirectory.PASSWORD, null);
			// the catch-up at start runs as the application becomes ready, which may follow the first healthy answer
			await().atMost(Duration.ofSeconds(60)).until(() -> found(api, again, "硬盘阵列降级"));
			assertThat(jdbc.sql("select count(*) from knowledge_article where id = ?").param(article)
				.query(Long.class).single()).isEqualTo(1);
		}
		finally {
			yunwei.close();
		}
	}

	private static boolean found(ApiClient api, String token, String q) {
		var answer = api.get("/api/v1/knowledge/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().size() > 0;
	}

	/** An approved version published as the application publishes it: article, version, change log, one transaction. */
	private long published(long party, long unit, long owner, String title) {
		JdbcClient jdbc = JdbcClient.create(source);
		return new TransactionTemplate(new DataSourceTransactionManager(source)).execute(status -> {
			long article = jdbc.sql("""
					insert into knowledge_article (party_id, org_unit_id, owner_id, title, body, category, tags,
					    visibility, status)
					values (?, ?, ?, ?, '## 步骤' || chr(10) || '1. 更换故障硬盘', '存储', '{}', 'CUSTOMER', 'PUBLISHED')
					returning id""").params(party, unit, owner, title).query(Long.class).single();
			long version = jdbc.sql("""
					insert into knowledge_article_version (article_id, number, title, body, category, tags, visibility,
					    content_hash, status, submitted_by, decided_at)
					select id, 1, title, body, category, tags, visibility, repeat('0', 64), 'PUBLISHED', owner_id, now()
					from knowledge_article where id = ? returning id""").param(article).query(Long.class).single();
			jdbc.sql("update knowledge_article set published_version_id = ? where id = ?").params(version, article)
				.update();
			long seq = jdbc.sql("update knowledge_change_counter set last = last + 1 where id = 1 returning last")
				.query(Long.class).single();
			jdbc.sql("insert into knowledge_change (seq, article_id) values (?, ?)").params(seq, article).update();
			return article;
		});
	}

	private ChildJvm start() throws InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--yunwei.admin.password=" + CrashDrill.ADMIN_PASSWORD, "--yunwei.admin.totp-secret=" + CrashDrill.ADMIN_TOTP,
				"--spring.jmx.enabled=false", "--yunwei.backup.schedule=-", "--logging.level.root=WARN",
				"--yunwei.db.url=", "--yunwei.db.embedded.data-directory=" + work.resolve("data").resolve("postgres"),
				"--yunwei.db.embedded.port=" + postgresPort,
				"--yunwei.knowledge.index-directory=" + work.resolve("data").resolve("knowledge-index"),
				// only the catch-up at start and after the node's own commits: the drill's edit is not the node's
				"--yunwei.knowledge.index-follow-interval=PT1H"));
		starts++;
		ChildJvm yunwei = ChildJvm.start("yunwei", List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), arguments,
				work.resolve("logs").resolve("yunwei-" + starts + ".log"),
				line -> line.contains(" ERROR ") || line.contains("Exception in"));
		yunwei.awaitHealthy(java.net.URI.create("http://localhost:" + port + "/actuator/health"), Duration.ofMinutes(5));
		return yunwei;
	}

	private PGSimpleDataSource database() {
		PGSimpleDataSource database = new PGSimpleDataSource();
		database.setServerNames(new String[] { "localhost" });
		database.setPortNumbers(new int[] { postgresPort });
		database.setDatabaseName("postgres");
		database.setUser("postgres");
		return database;
	}
}
