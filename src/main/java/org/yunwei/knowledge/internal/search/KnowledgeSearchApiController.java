package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Actors;
import org.yunwei.knowledge.KnowledgeHit;
import org.yunwei.web.FieldErrors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge/search")
@Tag(name = "Knowledge search", description = "Full-text search of published knowledge articles in Chinese and "
		+ "English (smartcn words and character pairs; titles weigh more than bodies; highlighted snippets). "
		+ "Customers find the articles published for customers; staff their party's internal ones too.")
class KnowledgeSearchApiController {

	static final int MAX_TEXT = 100;
	static final int MAX_LIMIT = 50;
	static final int DEFAULT_LIMIT = 10;
	/** Present while the index is being built: {@code done/total} articles; the hits may then be incomplete. */
	static final String BUILDING = "Yunwei-Index-Building";

	private final ArticleSearch search;
	private final Actors actors;

	KnowledgeSearchApiController(ArticleSearch search, Actors actors) {
		this.search = search;
		this.actors = actors;
	}

	@GetMapping
	@Operation(summary = "The published articles matching a text, best first",
			description = "`snippet` is HTML: the best passage of the body, the terms found in `<mark>`, all else "
					+ "escaped. 400 for an empty or too long text or a limit outside 1–50. While this node's index is "
					+ "being built (a first start, a lost index, an upgrade of its layout, a rebuild) the hits come from "
					+ "what it holds so far and may be incomplete: the answer then carries the header "
					+ "`Yunwei-Index-Building: done/total` (articles put so far of those to put).")
	ResponseEntity<List<KnowledgeHit>> search(
			@Parameter(description = "1 to 100 characters") @RequestParam(required = false) String q,
			@Parameter(description = "1 to 50, default 10") @RequestParam(required = false) Integer limit) {
		FieldErrors errors = new FieldErrors();
		String text = FieldErrors.clean(q);
		errors.required("q", text, MAX_TEXT);
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			errors.add("limit", "knowledge.search.limit.invalid");
		}
		errors.throwIfAny();
		// asked before the search: a build that ends meanwhile is still told, never one that is not
		Optional<IndexBuilding> building = search.building();
		List<KnowledgeHit> hits = search.search(text, size, actors.current());
		return building.map(b -> ResponseEntity.ok().header(BUILDING, b.done() + "/" + b.total()).body(hits))
			.orElseGet(() -> ResponseEntity.ok(hits));
	}
}
