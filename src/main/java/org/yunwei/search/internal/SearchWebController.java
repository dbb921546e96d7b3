package org.yunwei.search.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.search.GlobalSearch;
import org.yunwei.search.SearchHit;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The top bar's search: {@code /search?q=…} opens the record an exact reference names (a ticket number) and
 * otherwise shows the results grouped by kind; {@code /search/suggestions} gives the few hits per kind shown under
 * the box while a person types.
 */
@Controller
class SearchWebController {

	/** Hits per kind on the results page; one kind alone ({@code kind=ticket}) shows up to the search's maximum. */
	static final int PAGE_LIMIT = 20;
	/** Hits per kind under the box. */
	static final int SUGGESTIONS = 5;

	private final GlobalSearch search;
	private final ZoneId zone;

	SearchWebController(GlobalSearch search, @Value("${yunwei.search.zone:Asia/Shanghai}") ZoneId zone) {
		this.search = search;
		this.zone = zone;
	}

	@GetMapping("/search")
	String results(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		String oneKind = FieldErrors.clean(kind);
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("kind", oneKind);
		model.addAttribute("zone", zone);
		if (FieldErrors.clean(q) == null) {
			// the empty state says what to type
			return "search/results";
		}
		try {
			Optional<SearchHit> named = oneKind == null ? search.resolve(q, locale) : Optional.empty();
			if (named.isPresent()) {
				return "redirect:" + named.get().link();
			}
			model.addAttribute("results",
					search.search(q, oneKind, oneKind == null ? PAGE_LIMIT : GlobalSearch.MAX_LIMIT, locale));
		}
		catch (RejectedRequest refused) {
			model.addAttribute("problem", refused.fieldErrors().values().stream().findFirst()
				.orElse(refused.messageKey()));
		}
		return "search/results";
	}

	@GetMapping("/search/suggestions")
	String suggestions(@RequestParam(required = false) String q, Model model) {
		String text = FieldErrors.clean(q);
		if (text != null && text.length() <= GlobalSearch.MAX_LENGTH) {
			model.addAttribute("results", search.search(text, null, SUGGESTIONS, LocaleContextHolder.getLocale()));
			model.addAttribute("q", text);
		}
		return "search/suggestions :: suggestions";
	}
}
