package org.yunwei.knowledge.internal.search;

import java.util.List;

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

	private final ArticleSearch search;
	private final Actors actors;

	KnowledgeSearchApiController(ArticleSearch search, Actors actors) {
		this.search = search;
		this.actors = actors;
	}

	@GetMapping
	@Operation(summary = "The published articles matching a text, best first",
			description = "`snippet` is HTML: the best passage of the body, the terms found in `<mark>`, all else "
					+ "escaped. 400 for an empty or too long text or a limit outside 1–50.")
	List<KnowledgeHit> search(@Parameter(description = "1 to 100 characters") @RequestParam(required = false) String q,
			@Parameter(description = "1 to 50, default 10") @RequestParam(required = false) Integer limit) {
		FieldErrors errors = new FieldErrors();
		String text = FieldErrors.clean(q);
		errors.required("q", text, MAX_TEXT);
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			errors.add("limit", "knowledge.search.limit.invalid");
		}
		errors.throwIfAny();
		return search.search(text, size, actors.current());
	}
}
