package org.yunwei.knowledge.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;

/**
 * The generated city's knowledge base: one published article for every ten tickets (100,000 at 1,000,000), written
 * from {@link KnowledgeDatasetTexts} by the providers' agents, two in five published to customers, each with its
 * approved version 1 and a row in the change log, so that a node's index follows them at its first start as it
 * follows any publication. Reads {@code identity.providerParties}, {@code identity.providerUnit} and
 * {@code identity.agents}; publishes the count {@code articles}.
 */
@Component
class KnowledgeDataset implements Dataset {

	static final int TICKETS_PER_ARTICLE = 10;

	private final JdbcClient jdbc;

	KnowledgeDataset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "knowledge";
	}

	/** After the tickets too: a run stopped early has its tickets first, as the generator's tests expect. */
	@Override
	public Set<String> after() {
		return Set.of("identity", "tickets");
	}

	static long articles(DatasetPlan plan) {
		return Math.max(1, plan.tickets() / TICKETS_PER_ARTICLE);
	}

	@Override
	public int chunks(DatasetPlan plan) {
		return plan.chunksOf(articles(plan));
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		List<Long> providers = context.get("identity.providerParties");
		Map<Long, Long> units = context.get("identity.providerUnit");
		Map<Long, List<Long>> agents = context.get("identity.agents");
		long first = (long) chunk * plan.chunkSize();
		int size = (int) Math.min(plan.chunkSize(), articles(plan) - first);
		if (size <= 0 || providers.isEmpty()) {
			return 0;
		}
		SplittableRandom random = plan.random(name(), chunk);
		List<Long> ids = allocate("knowledge_article", size);
		List<Long> versionIds = allocate("knowledge_article_version", size);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			long party = providers.get((int) ((first + i) % providers.size()));
			List<Long> writers = agents.getOrDefault(party, List.of());
			if (writers.isEmpty()) {
				continue;
			}
			KnowledgeDatasetTexts.Written written = KnowledgeDatasetTexts.article(random);
			Visibility visibility = random.nextInt(5) < 2 ? Visibility.CUSTOMER : Visibility.INTERNAL;
			Instant at = plan.anchor().minus(Duration.ofMinutes(random.nextLong(60L * 24 * 700)));
			ArticleContent content = new ArticleContent(written.title(), written.body(), written.category(),
					written.tags(), List.of(), visibility, at.atOffset(ZoneOffset.UTC).toLocalDate().plusYears(1),
					List.of());
			rows.add(new Object[] { ids.get(i), versionIds.get(i), party, units.get(party),
					writers.get(random.nextInt(writers.size())), content, at });
		}
		if (rows.isEmpty()) {
			return 0;
		}
		jdbc.sql("""
				insert into knowledge_article (id, party_id, org_unit_id, owner_id, title, body, category, tags,
				    visibility, review_date, status, created_at, updated_at)
				overriding system value
				select t.id, t.party, t.unit, t.owner, t.title, t.body, t.category, string_to_array(t.tags, '|'),
				    t.visibility, t.review, 'PUBLISHED', t.at, t.at
				from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
				    cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
				    cast(? as date[]), cast(? as timestamptz[]))
				    as t(id, party, unit, owner, title, body, category, tags, visibility, review, at)""")
			.params(longs(rows, 0), longs(rows, 2), longs(rows, 3), longs(rows, 4),
					texts(rows, c -> c.title()), texts(rows, c -> c.body()), texts(rows, c -> c.category()),
					texts(rows, c -> String.join("|", c.tags())), texts(rows, c -> c.visibility().name()),
					texts(rows, c -> c.reviewDate().toString()), times(rows))
			.update();
		jdbc.sql("""
				insert into knowledge_article_version (id, article_id, number, title, body, category, tags, visibility,
				    content_hash, status, submitted_by, submitted_at, decided_at)
				overriding system value
				select t.id, a.id, 1, a.title, a.body, a.category, a.tags, a.visibility, t.hash, 'PUBLISHED',
				    a.owner_id, a.created_at, a.created_at
				from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[])) as t(id, article_id, hash)
				join knowledge_article a on a.id = t.article_id""")
			.params(longs(rows, 1), longs(rows, 0), texts(rows, ArticleContent::hash))
			.update();
		jdbc.sql("""
				update knowledge_article a set published_version_id = v.id from knowledge_article_version v
				where v.article_id = a.id and a.id = any(cast(? as bigint[]))""")
			.param(longs(rows, 0)).update();
		// numbered as any publication is, from the counter row this transaction holds until it commits
		long last = jdbc.sql("update knowledge_change_counter set last = last + ? where id = 1 returning last")
			.param(rows.size()).query(Long.class).single();
		jdbc.sql("""
				insert into knowledge_change (seq, article_id)
				select ? - ? + t.n, t.id from unnest(cast(? as bigint[])) with ordinality as t(id, n)""")
			.params(last, rows.size(), longs(rows, 0)).update();
		return rows.size() * 3L;
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		context.count("articles", jdbc.sql("select count(*) from knowledge_article").query(Long.class).single());
	}

	private List<Long> allocate(String table, int count) {
		return jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")
			.params(table, count).query(Long.class).list();
	}

	private static String longs(List<Object[]> rows, int column) {
		return rows.stream().map(r -> String.valueOf(r[column])).collect(Collectors.joining(",", "{", "}"));
	}

	private static String texts(List<Object[]> rows, java.util.function.Function<ArticleContent, String> value) {
		return ArticleRecords.textArray(rows.stream().map(r -> value.apply((ArticleContent) r[5])).toList());
	}

	private static String times(List<Object[]> rows) {
		return ArticleRecords.textArray(rows.stream().map(r -> r[6].toString()).toList());
	}
}
