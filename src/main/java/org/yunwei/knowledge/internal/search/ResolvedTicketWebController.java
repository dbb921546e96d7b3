package org.yunwei.knowledge.internal.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The 日常问题查询库 in the browser: the tab beside the article search on the knowledge page, for whoever reads
 * tickets; a page of hits at a time, the next one by a "more" link carrying the cursor.
 */
@Controller
class ResolvedTicketWebController {

	static final int PAGE_LIMIT = 20;

	private final ResolvedTicketSearch search;
	private final Tickets tickets;

	ResolvedTicketWebController(ResolvedTicketSearch search, Tickets tickets) {
		this.search = search;
		this.tickets = tickets;
	}

	@GetMapping("/knowledge/resolved-tickets")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			Model model) {
		if (!search.mayRead()) {
			throw RejectedRequest.forbidden("knowledge.tickets.no-access");
		}
		String text = FieldErrors.clean(q);
		model.addAttribute("q", text == null ? "" : text);
		model.addAttribute("zone", tickets.zone());
		// asked before the search: a build that ends meanwhile is still told, never one that is not
		model.addAttribute("building", search.building().orElse(null));
		if (text != null && text.length() > ResolvedTicketSearchApiController.MAX_TEXT) {
			model.addAttribute("problem", "knowledge.search.too-long");
		}
		else if (text != null) {
			try {
				model.addAttribute("results", search.search(text, PAGE_LIMIT, FieldErrors.clean(cursor)));
			}
			catch (RejectedRequest refused) {
				if (refused.fieldErrors().isEmpty()) {
					throw refused;
				}
				// a cursor that is not one (an edited address): the first page instead
				model.addAttribute("results", search.search(text, PAGE_LIMIT, null));
			}
			model.addAttribute("continued", cursor != null && !cursor.isBlank());
		}
		return "knowledge/resolved-tickets";
	}
}
