package org.yunwei.knowledge.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;
import org.yunwei.knowledge.internal.search.ArticleSearch;
import org.yunwei.web.FieldErrors;

/**
 * The knowledge base in the browser, first pages: {@code /knowledge} searches the published articles the reader may
 * see, {@code /knowledge/{id}} shows one, with its authors' actions when the reader is one of them (the authors'
 * other pages are {@link ArticleWebController}'s).
 */
@Controller
class KnowledgeWebController {

	static final int PAGE_LIMIT = 20;
	static final int MAX_TEXT = 100;

	private final ArticleSearch search;
	private final ArticleReading reading;
	private final Actors actors;
	private final ArticleReferences references;
	private final org.yunwei.knowledge.internal.usage.ArticleUsage usage;
	private final ArticleAttachments attachments;
	private final org.yunwei.knowledge.internal.search.ResolvedTicketSearch ticketSearch;

	KnowledgeWebController(ArticleSearch search, ArticleReading reading, Actors actors,
			ArticleReferences references, org.yunwei.knowledge.internal.usage.ArticleUsage usage,
			ArticleAttachments attachments, org.yunwei.knowledge.internal.search.ResolvedTicketSearch ticketSearch) {
		this.ticketSearch = ticketSearch;
		this.usage = usage;
		this.attachments = attachments;
		this.search = search;
		this.reading = reading;
		this.actors = actors;
		this.references = references;
	}

	@GetMapping("/knowledge")
	String search(@RequestParam(required = false) String q, Model model) {
		String text = FieldErrors.clean(q);
		model.addAttribute("q", text == null ? "" : text);
		model.addAttribute("building", search.building().orElse(null));
		if (text != null && text.length() > MAX_TEXT) {
			model.addAttribute("problem", "knowledge.search.too-long");
		}
		else if (text != null) {
			model.addAttribute("hits", search.search(text, PAGE_LIMIT, actors.current()));
		}
		Actor reader = actors.current();
		model.addAttribute("mayWrite", reader.can(Permission.KNOWLEDGE_MANAGE));
		model.addAttribute("mayAdminister", reader.can(Permission.KNOWLEDGE_ADMIN));
		model.addAttribute("mayReadTickets", ticketSearch.mayRead());
		model.addAttribute("mayReadCoverage", ArticleAccess.staff(reader)
				&& (reader.can(Permission.KNOWLEDGE_MANAGE) || reader.can(Permission.TICKET_REPORT)));
		return "knowledge/search";
	}

	@GetMapping("/knowledge/{id:\\d+}")
	String article(@PathVariable long id, Model model) {
		ArticleReading.ArticleView article = reading.view(id);
		model.addAttribute("article", article);
		model.addAttribute("services", references.services(article.serviceIds()));
		model.addAttribute("items", references.items(article.configurationItemIds()));
		model.addAttribute("today", reading.today());
		model.addAttribute("attachments", attachments.list(id));
		model.addAttribute("attachmentTypes", String.join(", ", ArticleAttachments.TYPES));
		model.addAttribute("attachmentMegabytes", org.yunwei.web.UploadedFile.megabytes(ArticleAttachments.MAX_BYTES));
		// usage and usefulness are the service desk's figures, not a customer's business
		model.addAttribute("usage", ArticleAccess.staff(actors.current()) ? usage.usage(id) : null);
		return "knowledge/article";
	}
}
