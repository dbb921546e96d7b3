package org.yunwei.knowledge.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.identity.Actors;
import org.yunwei.knowledge.internal.search.ArticleSearch;
import org.yunwei.web.FieldErrors;

/**
 * The knowledge base in the browser, first pages: {@code /knowledge} searches the published articles the reader may
 * see, {@code /knowledge/{id}} shows one. Writing happens through the API for now.
 */
@Controller
class KnowledgeWebController {

	static final int PAGE_LIMIT = 20;
	static final int MAX_TEXT = 100;

	private final ArticleSearch search;
	private final ArticleReading reading;
	private final Actors actors;

	KnowledgeWebController(ArticleSearch search, ArticleReading reading, Actors actors) {
		this.search = search;
		this.reading = reading;
		this.actors = actors;
	}

	@GetMapping("/knowledge")
	String search(@RequestParam(required = false) String q, Model model) {
		String text = FieldErrors.clean(q);
		model.addAttribute("q", text == null ? "" : text);
		if (text != null && text.length() > MAX_TEXT) {
			model.addAttribute("problem", "knowledge.search.too-long");
		}
		else if (text != null) {
			model.addAttribute("hits", search.search(text, PAGE_LIMIT, actors.current()));
		}
		return "knowledge/search";
	}

	@GetMapping("/knowledge/{id:\\d+}")
	String article(@PathVariable long id, Model model) {
		model.addAttribute("article", reading.view(id));
		return "knowledge/article";
	}
}
