package org.yunwei.knowledge.internal.usage;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Actors;
import org.yunwei.knowledge.KnowledgeHit;
import org.yunwei.web.FieldErrors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge on tickets", description = "Suggestions while a ticket is written (articles the reader may "
		+ "see, customers only those published for customers, and similar resolved incidents of the reader's scope); "
		+ "the articles agents link to a ticket they work, and whether each solved the problem (usage and usefulness).")
class KnowledgeUsageApiController {

	static final int MAX_TEXT = 200;

	private final SubjectSuggestions suggestions;
	private final ArticleUsage usage;
	private final Actors actors;

	KnowledgeUsageApiController(SubjectSuggestions suggestions, ArticleUsage usage, Actors actors) {
		this.suggestions = suggestions;
		this.usage = usage;
		this.actors = actors;
	}

	/** A resolved incident like the text. */
	record SimilarIncident(long ticketId, String number, String subject, Instant resolvedAt) {
	}

	/** What a ticket's subject suggests. */
	record Suggestions(List<KnowledgeHit> articles, List<SimilarIncident> incidents) {
	}

	/** An article to link. */
	record LinkForm(Long articleId) {
	}

	/** Whether the article solved the ticket's problem. */
	record MarkForm(Boolean solved) {
	}

	@GetMapping("/suggestions")
	@Operation(summary = "Articles and similar resolved incidents for a ticket's subject as it is typed",
			description = "At most 5 of each, best first. 400 for an empty subject or one over 200 characters.")
	Suggestions suggestions(@Parameter(description = "the subject typed so far") @RequestParam(required = false)
			String subject) {
		FieldErrors errors = new FieldErrors();
		String text = FieldErrors.clean(subject);
		errors.required("subject", text, MAX_TEXT);
		errors.throwIfAny();
		SubjectSuggestions.Suggested suggested = suggestions.of(text, actors.current());
		return new Suggestions(suggested.articles(), suggested.incidents().stream()
			.map(t -> new SimilarIncident(t.id(), t.number(), t.subject(),
					t.resolvedAt() != null ? t.resolvedAt() : t.closedAt()))
			.toList());
	}

	@GetMapping("/tickets/{ticketId}/articles")
	@Operation(summary = "The articles linked to a ticket and whether each solved it",
			description = "The service desk's side (TICKET_WORK or TICKET_REPORT): 403 for others, 404 outside "
					+ "the reader's scope.")
	List<ArticleUsage.LinkedArticle> linked(@PathVariable long ticketId) {
		return usage.ofTicket(ticketId).linked();
	}

	@PostMapping("/tickets/{ticketId}/articles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Link a published article to a ticket I work",
			description = "403 without TICKET_WORK, 404 for a ticket outside my scope, 400 for an article I may not "
					+ "read or that is not published, 409 when linked already.")
	List<ArticleUsage.LinkedArticle> link(@PathVariable long ticketId, @RequestBody(required = false) LinkForm form) {
		usage.link(ticketId, form == null ? null : form.articleId());
		return usage.linked(ticketId);
	}

	@PutMapping("/tickets/{ticketId}/articles/{articleId}")
	@Operation(summary = "Say whether a linked article solved the ticket's problem",
			description = "`solved`: true or false (required). 404 for an article not linked to the ticket.")
	List<ArticleUsage.LinkedArticle> mark(@PathVariable long ticketId, @PathVariable long articleId,
			@RequestBody(required = false) MarkForm form) {
		usage.mark(ticketId, articleId, form == null ? null : form.solved());
		return usage.linked(ticketId);
	}
}
