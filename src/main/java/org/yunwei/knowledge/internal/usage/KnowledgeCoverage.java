package org.yunwei.knowledge.internal.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.catalog.CatalogCategory;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * The knowledge base's coverage and effectiveness (知识库的覆盖范围, 可用性和有效性) in a period: the share of resolved
 * incidents with a linked article, overall, per service and per service category; how many articles readers can
 * find and how many are past their review date; how often articles were linked and how often they solved the
 * problem. Within the reader's scope: a provider its own incidents and articles, management and supervision all.
 */
@Service
public class KnowledgeCoverage {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final int TOP = 10;

	private final JdbcClient jdbc;
	private final Actors actors;
	private final ServiceCatalog catalog;

	KnowledgeCoverage(JdbcClient jdbc, Actors actors, ServiceCatalog catalog) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.catalog = catalog;
	}

	/** Resolved incidents of a service or category, and those with an article linked (covered) or solved by one. */
	public record Share(String label, Long serviceId, long resolved, long covered, long solvedByArticle) {

		/** Covered share in percent, one decimal; 0 without incidents. */
		public double percent() {
			return resolved == 0 ? 0 : Math.round(covered * 1000.0 / resolved) / 10.0;
		}
	}

	/** How an article served in the period. */
	public record ArticleUse(long articleId, String title, long linked, long solved, long notSolved) {
	}

	/** The figures of a period. */
	public record Figures(LocalDate from, LocalDate to, Share total, List<Share> byService, List<Share> byCategory,
			long published, long forCustomers, long pastReview, long links, long solved, long notSolved,
			List<ArticleUse> mostUsed) {

		/** Solved share of the marked links in percent, one decimal; {@code null} when none was marked. */
		public Double usefulnessPercent() {
			long marked = solved + notSolved;
			return marked == 0 ? null : Math.round(solved * 1000.0 / marked) / 10.0;
		}
	}

	/**
	 * Who may read the figures: staff who write articles, read ticket reports or the compliance register (whose
	 * evidence links here); 403 otherwise.
	 */
	public Actor requireReader() {
		Actor reader = actors.current();
		if (reader.partyKind() == PartyKind.CUSTOMER
				|| !reader.can(Permission.KNOWLEDGE_MANAGE) && !reader.can(Permission.TICKET_REPORT)
						&& !reader.can(Permission.COMPLIANCE_READ)) {
			throw RejectedRequest.forbidden("knowledge.coverage.forbidden");
		}
		return reader;
	}

	/** The period's figures for the signed-in reader; the last 30 days when no period is given. */
	@Transactional(readOnly = true)
	public Figures of(DateRange period) {
		Actor reader = requireReader();
		LocalDate today = LocalDate.now(ZONE);
		DateRange range = period != null ? period : new DateRange(today.minusDays(29), today);
		return figures(range, actors.scopeOf(reader), today);
	}

	/** The figures within a scope, for the register too (which asks per provider). */
	Figures figures(DateRange range, DataScope scope, LocalDate today) {
		Instant start = range.start(ZONE);
		Instant end = range.end(ZONE);
		DataScope.Condition incidents = scope.where("r.provider_party_id", "r.customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(start));
		params.add(Timestamp.from(end));
		params.addAll(incidents.parameters());
		List<long[]> rows = new ArrayList<>();
		List<Long> services = new ArrayList<>();
		jdbc.sql("""
				select r.service_id, count(*),
				    count(*) filter (where exists (select 1 from knowledge_ticket_link l where l.ticket_id = r.ticket_id)),
				    count(*) filter (where exists (select 1 from knowledge_ticket_link l where l.ticket_id = r.ticket_id
				        and l.solved))
				from knowledge_resolved_incident r
				where r.resolved_at >= ? and r.resolved_at < ? and""" + " " + incidents.sql() + " group by r.service_id")
			.params(params)
			.query((rs, n) -> {
				services.add(rs.getObject(1, Long.class));
				rows.add(new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
				return n;
			})
			.list();
		List<Share> byService = new ArrayList<>();
		Map<String, long[]> byCategory = new LinkedHashMap<>();
		Map<Long, String> categoryNames = new LinkedHashMap<>();
		for (CatalogCategory category : catalog.categories()) {
			categoryNames.put(category.id(), category.name());
		}
		long[] total = new long[3];
		for (int i = 0; i < rows.size(); i++) {
			long[] row = rows.get(i);
			Long serviceId = services.get(i);
			CatalogService service = serviceId == null ? null : catalog.find(serviceId).orElse(null);
			byService.add(new Share(service == null ? null : service.name(), serviceId, row[0], row[1], row[2]));
			String category = service == null ? null : categoryNames.get(service.categoryId());
			long[] sum = byCategory.computeIfAbsent(category == null ? "" : category, k -> new long[3]);
			for (int j = 0; j < 3; j++) {
				sum[j] += row[j];
				total[j] += row[j];
			}
		}
		byService.sort(Comparator.comparingLong(Share::resolved).reversed());
		List<Share> categories = byCategory.entrySet().stream()
			.map(e -> new Share(e.getKey().isEmpty() ? null : e.getKey(), null, e.getValue()[0], e.getValue()[1],
					e.getValue()[2]))
			.sorted(Comparator.comparingLong(Share::resolved).reversed())
			.toList();

		String articleScope = switch (scope.partyKind()) {
			case MANAGEMENT, SUPERVISION -> "true";
			default -> "a.party_id = " + scope.partyId();
		};
		long[] articles = jdbc.sql("""
				select count(*), count(*) filter (where v.visibility = 'CUSTOMER'),
				    count(*) filter (where a.review_date < ?)
				from knowledge_article a join knowledge_article_version v on v.id = a.published_version_id
				where a.status <> 'RETIRED' and """ + " " + articleScope)
			.param(java.sql.Date.valueOf(today))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		List<ArticleUse> used = jdbc.sql("""
				select a.id, coalesce(v.title, a.title), count(*), count(*) filter (where l.solved),
				    count(*) filter (where not l.solved)
				from knowledge_ticket_link l join knowledge_article a on a.id = l.article_id
				left join knowledge_article_version v on v.id = a.published_version_id
				where l.linked_at >= ? and l.linked_at < ? and""" + " " + articleScope
					+ " group by a.id, v.title, a.title order by count(*) desc, a.id limit ?")
			.params(Timestamp.from(start), Timestamp.from(end), TOP)
			.query((rs, n) -> new ArticleUse(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
		long[] links = jdbc.sql("""
				select count(*), count(*) filter (where l.solved), count(*) filter (where not l.solved)
				from knowledge_ticket_link l join knowledge_article a on a.id = l.article_id
				where l.linked_at >= ? and l.linked_at < ? and """ + " " + articleScope)
			.params(Timestamp.from(start), Timestamp.from(end))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		return new Figures(range.from(), range.to(), new Share(null, null, total[0], total[1], total[2]), byService,
				categories, articles[0], articles[1], articles[2], links[0], links[1], links[2], used);
	}
}
