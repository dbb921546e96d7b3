package org.yunwei.search.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.search.GlobalSearch;
import org.yunwei.search.SearchResults;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "全局搜索: everything searchable (tickets now; knowledge, configuration items, "
		+ "changes and problems as their modules arrive), within the caller's scope, grouped by kind — the same as "
		+ "the top bar's search box.")
class SearchApiController {

	private final GlobalSearch search;

	SearchApiController(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping
	@Operation(summary = "Search every kind of record the caller may read, grouped by kind",
			description = "A ticket number (INC-20261206-0001) finds that ticket, other text the tickets with it in "
					+ "their subject, newest first. Each kind returns at most `limit` hits, `more` telling whether it "
					+ "found more; a kind without hits is left out, and so is every ticket outside the caller's "
					+ "scope (a customer finds their units' tickets, a provider its party's; a caller who may not read "
					+ "ticket lists finds none). A hit's `link` is the page that shows it to the caller (a customer's "
					+ "ticket in the portal), `status` is in the caller's language. 400 naming `q` when it is empty or "
					+ "longer than " + GlobalSearch.MAX_LENGTH + " characters, `kind` when unknown, `limit` when "
					+ "outside 1–" + GlobalSearch.MAX_LIMIT + ". `incomplete` names the kinds whose index is being "
					+ "built now (a first start, a lost index, a rebuild), with how far (`done` of `total`): their hits "
					+ "come from what the index holds so far.")
	SearchResults search(
			@Parameter(description = "a record's number or text within it, at most " + GlobalSearch.MAX_LENGTH
					+ " characters", example = "打印机") @RequestParam(required = false) String q,
			@Parameter(description = "one kind only: `ticket`", example = "ticket") @RequestParam(required = false) String kind,
			@Parameter(description = "hits per kind, 1 to " + GlobalSearch.MAX_LIMIT + ", default "
					+ GlobalSearch.DEFAULT_LIMIT) @RequestParam(required = false) Integer limit) {
		return search.search(q, kind, limit, LocaleContextHolder.getLocale());
	}
}
