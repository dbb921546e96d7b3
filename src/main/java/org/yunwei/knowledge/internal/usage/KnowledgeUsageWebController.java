package org.yunwei.knowledge.internal.usage;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.knowledge.internal.search.ArticleSearch;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The knowledge boxes other modules' pages include with htmx, so that the ticket module need not know this one:
 * suggestions while a ticket's subject is typed (the agent's form and the customer portal's), and on a ticket's page
 * the articles linked to it, suggestions to link, and whether each solved the problem.
 */
@Controller
class KnowledgeUsageWebController {

	static final int MAX_TEXT = 200;

	private final ArticleSearch search;
	private final SubjectSuggestions suggestions;
	private final ArticleUsage usage;
	private final Actors actors;

	KnowledgeUsageWebController(ArticleSearch search, SubjectSuggestions suggestions, ArticleUsage usage,
			Actors actors) {
		this.search = search;
		this.suggestions = suggestions;
		this.usage = usage;
		this.actors = actors;
	}

	/**
	 * The articles the reader may see that match what is typed as a ticket's subject (customers: only those published
	 * for customers), and similar resolved incidents of the reader's scope; nothing for a blank text.
	 */
	@GetMapping("/knowledge/suggestions")
	String suggestions(@RequestParam(required = false) String subject, Model model) {
		Actor reader = actors.current();
		String text = FieldErrors.clean(subject);
		if (text != null && text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT);
		}
		model.addAttribute("typed", text != null);
		model.addAttribute("building", search.building().orElse(null));
		SubjectSuggestions.Suggested suggested = text == null ? new SubjectSuggestions.Suggested(List.of(), List.of())
				: suggestions.of(text, reader);
		model.addAttribute("articles", suggested.articles());
		model.addAttribute("incidents", suggested.incidents());
		model.addAttribute("ticketBase", reader.partyKind() == PartyKind.CUSTOMER ? "/portal/tickets/" : "/tickets/");
		return "knowledge/usage :: suggestions";
	}

	@GetMapping("/knowledge/tickets/{ticketId}/articles")
	String ticketBox(@PathVariable long ticketId, Model model) {
		model.addAttribute("box", usage.ofTicket(ticketId));
		return "knowledge/usage :: ticket-box";
	}

	@PostMapping("/knowledge/tickets/{ticketId}/articles")
	String link(@PathVariable long ticketId, @RequestParam(required = false) Long articleId, Model model) {
		return act(() -> usage.link(ticketId, articleId), ticketId, "knowledge.link.saved", model);
	}

	@PostMapping("/knowledge/tickets/{ticketId}/articles/{articleId}/solved")
	String mark(@PathVariable long ticketId, @PathVariable long articleId,
			@RequestParam(required = false) Boolean solved, Model model) {
		return act(() -> usage.mark(ticketId, articleId, solved), ticketId, "knowledge.link.marked", model);
	}

	/** Does it and shows the box again with a notice, or with the reason it was refused (403 and 404 stay so). */
	private String act(Runnable action, long ticketId, String notice, Model model) {
		try {
			action.run();
			model.addAttribute("notice", notice);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
					: refused.fieldErrors().values().iterator().next());
		}
		return ticketBox(ticketId, model);
	}
}
