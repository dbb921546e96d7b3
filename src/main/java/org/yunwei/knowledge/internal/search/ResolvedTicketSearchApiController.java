package org.yunwei.knowledge.internal.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge/resolved-tickets")
@Tag(name = "Resolved-ticket search", description = "日常问题查询库: full-text search of resolved and closed tickets "
		+ "(subject, resolution, description, service, configuration item, category) in Chinese and English, ranked "
		+ "and highlighted as the article search is, within the reader's ticket scope: a customer's people their "
		+ "unit's tickets and those of the units below, a provider's staff their party's, management and supervision "
		+ "all. Whoever may read no ticket gets 403.")
class ResolvedTicketSearchApiController {

	static final int MAX_TEXT = 100;
	static final int DEFAULT_LIMIT = 10;

	private final ResolvedTicketSearch search;

	ResolvedTicketSearchApiController(ResolvedTicketSearch search) {
		this.search = search;
	}

	@GetMapping
	@Operation(summary = "The resolved and closed tickets matching a text, best first, a page at a time",
			description = "`snippet` is HTML: the best passage of the ticket's texts, the terms found in `<mark>`, all "
					+ "else escaped. `next` is the cursor of the following page (ask again with `cursor` and the same "
					+ "`q`), `null` on the last. 400 for an empty or too long text, a limit outside 1–50 or a cursor "
					+ "that is not one; 403 for a person who may read no ticket.")
	ResolvedTicketResults search(
			@Parameter(description = "1 to 100 characters") @RequestParam(required = false) String q,
			@Parameter(description = "1 to 50, default 10") @RequestParam(required = false) Integer limit,
			@Parameter(description = "`next` of the previous page") @RequestParam(required = false) String cursor) {
		if (!search.mayRead()) {
			throw RejectedRequest.forbidden("knowledge.tickets.no-access");
		}
		FieldErrors errors = new FieldErrors();
		String text = FieldErrors.clean(q);
		errors.required("q", text, MAX_TEXT);
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > ResolvedTicketSearch.MAX_LIMIT) {
			errors.add("limit", "knowledge.search.limit.invalid");
		}
		errors.throwIfAny();
		return search.search(text, size, FieldErrors.clean(cursor));
	}
}
