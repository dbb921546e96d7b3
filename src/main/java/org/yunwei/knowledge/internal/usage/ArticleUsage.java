package org.yunwei.knowledge.internal.usage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.knowledge.KnowledgeHit;
import org.yunwei.knowledge.internal.ArticleAccess;
import org.yunwei.knowledge.internal.ArticleRecords;
import org.yunwei.knowledge.internal.ArticleVersionRecords;
import org.yunwei.knowledge.internal.KnowledgeArticle;
import org.yunwei.knowledge.internal.Visibility;
import org.yunwei.knowledge.internal.search.ArticleSearch;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * Articles used on tickets: an agent who works a ticket links a published article they may read and says whether it
 * solved the problem; the links are the articles' usage and usefulness counts and the coverage of resolved incidents.
 * The ticket module decides who may work which ticket ({@link Tickets#lockForAgent}); every write is audited.
 */
@Service
public class ArticleUsage {

	static final int SUGGESTED = 5;

	private final TicketArticleLinks links;
	private final Tickets tickets;
	private final Actors actors;
	private final ArticleRecords articles;
	private final ArticleVersionRecords versions;
	private final ArticleAccess access;
	private final ArticleSearch search;
	private final AuditTrail audit;

	ArticleUsage(TicketArticleLinks links, Tickets tickets, Actors actors, ArticleRecords articles,
			ArticleVersionRecords versions, ArticleAccess access, ArticleSearch search, AuditTrail audit) {
		this.links = links;
		this.tickets = tickets;
		this.actors = actors;
		this.articles = articles;
		this.versions = versions;
		this.access = access;
		this.search = search;
		this.audit = audit;
	}

	/** An article linked to a ticket, as the ticket's page and the API show it. */
	public record LinkedArticle(long articleId, String title, Boolean solved) {
	}

	/** What the ticket's knowledge box shows: the linked articles, suggestions from its subject, and what the reader may do. */
	public record TicketKnowledge(TicketReference ticket, List<LinkedArticle> linked, List<KnowledgeHit> suggested,
			boolean mayWork) {
	}

	/** The ticket's articles for a reader on the service desk's side: 403 for anyone else, 404 outside their scope. */
	@Transactional(readOnly = true)
	public TicketKnowledge ofTicket(long ticketId) {
		if (!tickets.isAgent()) {
			throw RejectedRequest.forbidden("knowledge.usage.forbidden");
		}
		TicketReference ticket = tickets.find(ticketId).orElseThrow(() -> RejectedRequest.notFound("ticket"));
		List<LinkedArticle> linked = linked(ticketId);
		Set<Long> ids = linked.stream().map(LinkedArticle::articleId).collect(Collectors.toSet());
		List<KnowledgeHit> suggested = search.search(ticket.subject(), SUGGESTED + ids.size(), actors.current())
			.stream().filter(hit -> !ids.contains(hit.articleId())).limit(SUGGESTED).toList();
		return new TicketKnowledge(ticket, linked, suggested, tickets.mayWork());
	}

	/** Links a published article the agent may read to a ticket they work; 409 when linked already. */
	@Transactional
	public void link(long ticketId, Long articleId) {
		TicketReference ticket = tickets.lockForAgent(ticketId);
		if (articleId == null) {
			throw RejectedRequest.invalidField("articleId", "field.required");
		}
		Actor agent = actors.current();
		String title = readable(articleId, agent);
		if (!links.insert(ticketId, articleId, agent.userId())) {
			throw RejectedRequest.conflict("knowledge-link-exists", "knowledge.link.exists");
		}
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_LINKED", "knowledge_article", articleId)
			.after(Map.of("ticketId", ticketId, "ticketNumber", ticket.number()))
			.detail(title + " · " + ticket.number()));
	}

	/** Records whether a linked article solved the ticket's problem; 404 for an article not linked to it. */
	@Transactional
	public void mark(long ticketId, long articleId, Boolean solved) {
		TicketReference ticket = tickets.lockForAgent(ticketId);
		if (solved == null) {
			throw RejectedRequest.invalidField("solved", "field.required");
		}
		TicketArticleLinks.Link link = links.find(ticketId, articleId)
			.orElseThrow(() -> RejectedRequest.notFound("knowledge-link"));
		links.mark(link.id(), solved, actors.current().userId());
		Map<String, Object> before = new java.util.HashMap<>();
		before.put("solved", link.solved());
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_MARKED", "knowledge_article", articleId).before(before)
			.after(Map.of("solved", solved, "ticketId", ticketId, "ticketNumber", ticket.number()))
			.detail(link.title() + " · " + ticket.number()));
	}

	/** How often the article was linked and solved a problem. */
	@Transactional(readOnly = true)
	public Usage usage(long articleId) {
		return links.usage(articleId);
	}

	List<LinkedArticle> linked(long ticketId) {
		return links.of(ticketId).stream().map(l -> new LinkedArticle(l.articleId(), l.title(), l.solved())).toList();
	}

	/** The published title of an article the agent may read now; else the article id is refused (400). */
	private String readable(long articleId, Actor agent) {
		RejectedRequest unknown = RejectedRequest.invalidField("articleId", "knowledge.link.unknown-article");
		KnowledgeArticle article = articles.find(articleId).map(ArticleRecords.Row::article)
			.orElseThrow(() -> unknown);
		ArticleVersionRecords.ArticleVersion published = article.publishedVersionId() == null ? null
				: versions.find(article.publishedVersionId()).orElse(null);
		if (published == null
				|| !access.readsPublished(agent, article, Visibility.valueOf(published.visibility()))) {
			throw unknown;
		}
		return published.title();
	}
}
