package org.yunwei.knowledge.internal.search;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/**
 * The knowledge search's administration (KNOWLEDGE_ADMIN): synonyms and the user dictionary, and this node's index
 * with a rebuild whose progress the page follows.
 */
@Controller
class SearchAdministrationWebController {

	private final KnowledgeVocabulary vocabulary;
	private final IndexRebuild rebuild;
	private final ResolvedTicketRebuild ticketRebuild;

	SearchAdministrationWebController(KnowledgeVocabulary vocabulary, IndexRebuild rebuild,
			ResolvedTicketRebuild ticketRebuild) {
		this.vocabulary = vocabulary;
		this.rebuild = rebuild;
		this.ticketRebuild = ticketRebuild;
	}

	@GetMapping("/knowledge/vocabulary")
	String vocabulary(Model model) {
		model.addAttribute("vocabulary", vocabulary.list());
		return "knowledge/vocabulary";
	}

	@PostMapping("/knowledge/vocabulary/synonyms")
	String addSynonyms(@RequestParam(required = false) String terms, RedirectAttributes redirect) {
		return act(() -> vocabulary.addSynonyms(terms), "knowledge.synonyms.saved", terms, "terms", redirect);
	}

	@PostMapping("/knowledge/vocabulary/synonyms/{id}/remove")
	String removeSynonyms(@PathVariable long id, RedirectAttributes redirect) {
		return act(() -> vocabulary.removeSynonyms(id), "knowledge.synonyms.removed", null, null, redirect);
	}

	@PostMapping("/knowledge/vocabulary/words")
	String addWord(@RequestParam(required = false) String word, RedirectAttributes redirect) {
		return act(() -> vocabulary.addWord(word), "knowledge.dictionary.saved", word, "word", redirect);
	}

	@PostMapping("/knowledge/vocabulary/words/{id}/remove")
	String removeWord(@PathVariable long id, RedirectAttributes redirect) {
		return act(() -> vocabulary.removeWord(id), "knowledge.dictionary.removed", null, null, redirect);
	}

	@GetMapping("/knowledge/index")
	String index(Model model) {
		model.addAttribute("state", rebuild.state());
		model.addAttribute("ticketState", ticketRebuild.state());
		return "knowledge/index";
	}

	/** The progress of the resolved tickets' rebuild, asked for every second while it runs (htmx). */
	@GetMapping("/knowledge/index/resolved-tickets/progress")
	String ticketProgress(Model model) {
		model.addAttribute("ticketProgress", ticketRebuild.progress());
		return "knowledge/index :: ticket-progress";
	}

	@PostMapping("/knowledge/index/resolved-tickets/rebuild")
	String startTicketRebuild(RedirectAttributes redirect) {
		try {
			ticketRebuild.start();
			redirect.addFlashAttribute("notice", "knowledge.tickets.index.started");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/knowledge/index";
	}

	/** The rebuild's progress, which the page asks for every second while it runs (htmx). */
	@GetMapping("/knowledge/index/progress")
	String progress(Model model) {
		model.addAttribute("progress", rebuild.progress());
		return "knowledge/index :: progress";
	}

	@PostMapping("/knowledge/index/rebuild")
	String startRebuild(RedirectAttributes redirect) {
		try {
			rebuild.start();
			redirect.addFlashAttribute("notice", "knowledge.index.started");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/knowledge/index";
	}

	/** Does it and goes back to the page with a notice, or with the reason and what was typed. */
	private String act(Runnable action, String notice, String typed, String field, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
					: refused.fieldErrors().values().iterator().next());
			if (field != null) {
				redirect.addFlashAttribute(field, typed);
			}
		}
		return "redirect:/knowledge/vocabulary";
	}
}
