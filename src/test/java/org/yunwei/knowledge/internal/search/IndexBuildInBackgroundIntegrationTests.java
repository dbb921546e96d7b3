package org.yunwei.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.knowledge.internal.KnowledgeFixtures;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.Tickets;

/**
 * The indexes build in the background (issue 17): a start over an empty index directory does not wait for the build,
 * searches during it answer from what it has put so far and say so, a build stopped with the application is not
 * taken for complete and is done again at the next start; and while a build runs, the API, the pages and global
 * search say the results may be incomplete, and a second rebuild is refused. Real PostgreSQL, real Lucene directories.
 */
class IndexBuildInBackgroundIntegrationTests extends IntegrationTestSupport {

	private static final int TICKETS = 40;
	private static final int PAGE = 5;

	@Autowired
	Tickets tickets;

	@Autowired
	ResolvedTicketChangeLog changes;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	KnowledgeQueryTerms terms;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	IndexFollower articleFollower;

	@Autowired
	ResolvedTicketFollower ticketFollower;

	@TempDir
	Path directory;

	@Test
	void aStartOverAnEmptyIndexIsReadyAtOnceSaysBuildingUntilCompleteAndAStoppedBuildIsDoneAgain() throws Exception {
		TestDirectory people = new TestDirectory(jdbc);
		long provider = people.party("PROVIDER", TestDirectory.unique("绘图运维公司"));
		long desk = people.orgUnit(provider, null, "服务台");
		long agent = people.userId(people.user(desk, "SERVICE_DESK_AGENT"));
		long customer = people.party("CUSTOMER", TestDirectory.unique("委办局"));
		List<Long> ours = fill(provider, people.orgUnit(customer, null, "办公室"));

		// the build's pages of tickets are let through up to the one after our twentieth ticket, then one at a time
		// as the test says, or as soon as the follower is asked to stop
		long gateAt = ours.get(19);
		Semaphore pages = new Semaphore(0);
		CountDownLatch gateReached = new CountDownLatch(1);
		AtomicReference<ResolvedTicketFollower> running = new AtomicReference<>();
		Tickets gated = Mockito.spy(AopTestUtils.<Tickets>getUltimateTargetObject(tickets));
		doAnswer(call -> {
			if (call.<Long>getArgument(0) >= gateAt) {
				gateReached.countDown();
				while (!pages.tryAcquire(20, TimeUnit.MILLISECONDS) && !running.get().stopping()) {
					// waiting for the test or for the stop
				}
			}
			return call.callRealMethod();
		}).when(gated).resolvedTextsForSystem(anyLong(), anyInt());

		ResolvedTicketIndex index = new ResolvedTicketIndex(directory);
		ResolvedTicketFollower follower = new ResolvedTicketFollower(index, changes, gated, catalog, PAGE);
		running.set(follower);
		// the start hands the build over and returns: the application is ready while it runs
		follower.atStart();
		assertThat(follower.build().running()).isTrue();
		assertThat(gateReached.await(60, TimeUnit.SECONDS)).isTrue();

		// what the build has put so far is searched, and the results say the index is incomplete
		ResolvedTicketResults partial = search(new ResolvedTicketSearch(index, follower, terms, tickets), agent);
		assertThat(partial.building()).isTrue();
		assertThat(partial.buildProgress().done()).isLessThan(partial.buildProgress().total());
		assertThat(partial.hits()).hasSizeBetween(20, 20 + PAGE - 1);
		// a second build is refused while it runs (the administration answers 409)
		assertThat(follower.startRebuild(1)).isEmpty();

		// the application stops during the build: nothing of it is committed, and the next start builds again
		follower.destroy();
		index.destroy();
		assertThat(follower.build().running()).isFalse();
		ResolvedTicketIndex again = new ResolvedTicketIndex(directory);
		try {
			assertThat(again.follows(changes.epoch())).isFalse();
			assertThat(again.epoch()).isNull();
			assertThat(again.documents()).isZero();

			ResolvedTicketFollower next = new ResolvedTicketFollower(again, changes, gated, catalog, PAGE);
			running.set(next);
			pages.release(Integer.MAX_VALUE / 2);
			next.atStart();
			await().atMost(Duration.ofSeconds(120)).until(() -> !next.build().running());
			assertThat(next.build().failed()).isFalse();
			ResolvedTicketResults complete = search(new ResolvedTicketSearch(again, next, terms, tickets), agent);
			assertThat(complete.building()).isFalse();
			assertThat(complete.buildProgress()).isNull();
			assertThat(complete.hits()).extracting(ResolvedTicketHit::ticketId).containsExactlyInAnyOrderElementsOf(ours);
			assertThat(count(again, String.valueOf(provider))).isEqualTo(TICKETS);
			assertThat(again.follows(changes.epoch())).isTrue();
			next.destroy();
		}
		finally {
			again.destroy();
		}
	}

	@Test
	void whileTheIndexesAreBuiltTheApiPagesAndGlobalSearchSayResultsMayBeIncompleteAndASecondRebuildIsRefused()
			throws Exception {
		TestDirectory people = new TestDirectory(jdbc);
		long provider = people.party("PROVIDER", TestDirectory.unique("运维公司"));
		long desk = people.orgUnit(provider, null, "服务台");
		String agent = people.user(desk, "SERVICE_DESK_AGENT");
		long article = KnowledgeFixtures.published(jdbc, provider, desk, people.userId(agent), "绘图仪卡纸的处理",
				"清理进纸辊。", "INTERNAL");
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String admin = Accounts.tokenFor(api(), people.user(management, "SERVICE_MANAGER"), TestDirectory.PASSWORD,
				null);
		String token = Accounts.tokenFor(api(), agent, TestDirectory.PASSWORD, null);
		WebSession web = new WebSession(port);
		web.signIn(agent, TestDirectory.PASSWORD, null);
		String q = URLEncoder.encode("绘图仪", StandardCharsets.UTF_8);
		// this context's own start builds (if still running) end first: a catch-up waits for them
		articleFollower.catchUp();
		ticketFollower.catchUp();

		try (Connection lock = dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try {
				// both builds wait at their first read of their log while the test holds it
				try (Statement statement = lock.createStatement()) {
					statement.execute("lock table knowledge_change_counter, knowledge_ticket_change_counter"
							+ " in access exclusive mode");
				}
				assertThat(api().post("/api/v1/knowledge/index/rebuild", admin, null).status()).isEqualTo(202);
				assertThat(api().post("/api/v1/knowledge/index/resolved-tickets/rebuild", admin, null).status())
					.isEqualTo(202);
				assertThat(api().post("/api/v1/knowledge/index/rebuild", admin, null).status()).isEqualTo(409);
				assertThat(api().post("/api/v1/knowledge/index/resolved-tickets/rebuild", admin, null).status())
					.isEqualTo(409);
				assertThat(api().get("/api/v1/knowledge/index", admin).json().get("rebuild").get("running")
					.asBoolean()).isTrue();

				var found = api().get("/api/v1/knowledge/resolved-tickets?q=" + q, token).json();
				assertThat(found.get("building").asBoolean()).isTrue();
				assertThat(found.get("buildProgress").get("total").asLong()).isPositive();
				assertThat(articleSearchBuilding(token, q)).matches("\\d+/\\d+");
				var global = api().get("/api/v1/search?q=" + q, token).json();
				assertThat(global.get("incomplete").get(0).get("kind").asString()).isEqualTo("article");

				assertThat(web.get("/knowledge/resolved-tickets?q=" + q).body()).contains("id=\"index-building\"",
						"正在建立索引");
				assertThat(web.get("/knowledge?q=" + q).body()).contains("id=\"index-building\"", "正在建立索引");
				assertThat(web.htmx("/knowledge/suggestions?subject=" + q).body()).contains("id=\"index-building\"");
				assertThat(web.get("/search?q=" + q).body()).contains("search-incomplete-article", "正在建立知识的索引");
				// and in English (the session keeps the language from here on)
				assertThat(web.get("/knowledge?lang=en&q=" + q).body()).contains("Building the search index");
				assertThat(web.get("/search?q=" + q).body()).contains("Knowledge articles: the index is being built");
			}
			finally {
				lock.rollback();
			}
		}
		await().atMost(Duration.ofSeconds(120)).until(() -> !api().get("/api/v1/knowledge/index", admin).json()
			.get("rebuild").get("running").asBoolean()
				&& !api().get("/api/v1/knowledge/index/resolved-tickets", admin).json().get("rebuild").get("running")
					.asBoolean());
		assertThat(api().get("/api/v1/knowledge/resolved-tickets?q=" + q, token).json().get("building").asBoolean())
			.isFalse();
		assertThat(articleSearchBuilding(token, q)).isNull();
		assertThat(api().get("/api/v1/search?q=" + q, token).json().get("incomplete").size()).isZero();
		String page = web.get("/knowledge?q=" + q).body();
		assertThat(page).doesNotContain("index-building").contains("knowledge-hit-" + article);
	}

	/** The article search's header telling that the index is being built, or {@code null}. */
	private String articleSearchBuilding(String token, String q) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/knowledge/search?q=" + q))
					.header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer.headers().firstValue(KnowledgeSearchApiController.BUILDING).orElse(null);
	}

	private ResolvedTicketResults search(ResolvedTicketSearch search, long agent) {
		try (SignedIn signedIn = SignedIn.as(context, agent)) {
			return search.search("绘图仪", ResolvedTicketSearch.MAX_LIMIT, null);
		}
	}

	/** The provider's resolved tickets, each of them with 绘图仪 in its subject; their ids, oldest first. */
	private List<Long> fill(long provider, long unit) {
		String number = TestDirectory.unique("IBT");
		jdbc.sql("""
				insert into ticket (number, type, status, channel, subject, description, reporter_name,
				  customer_org_unit_id, provider_party_id, configuration_item, category, impact, urgency, priority,
				  resolution_code, resolution_text, resolved_at, created_at, updated_at)
				select ? || '-' || g, 'INCIDENT', 'RESOLVED', 'PORTAL', '绘图仪卡纸' || g, '绘图仪进纸时卡住。', '张三',
				  ?, ?, '绘图仪-' || g, '硬件故障', 2, 2, 'P3', 'SOLVED', '清理进纸辊后恢复。', now(),
				  now() - interval '2 hours', now()
				from generate_series(1, ?) g""").params(number, unit, provider, TICKETS).update();
		return jdbc.sql("select id from ticket where provider_party_id = ? order by id").param(provider)
			.query(Long.class).list();
	}

	private static long count(ResolvedTicketIndex index, String provider) throws Exception {
		IndexSearcher searcher = index.searchers().acquire();
		try {
			return searcher.count(new TermQuery(new Term(ResolvedTicketIndex.PROVIDER, provider)));
		}
		finally {
			index.searchers().release(searcher);
		}
	}
}
