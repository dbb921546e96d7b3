package org.yunwei.knowledge.internal.search;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge search administration", description = "KNOWLEDGE_ADMIN: the search's synonyms (each term "
		+ "of a group finds what the others find) and user dictionary (words kept whole), applied to every search "
		+ "without a rebuild; this node's index and its rebuild from the database.")
class SearchAdministrationApiController {

	private final KnowledgeVocabulary vocabulary;
	private final IndexRebuild rebuild;
	private final ResolvedTicketRebuild ticketRebuild;

	SearchAdministrationApiController(KnowledgeVocabulary vocabulary, IndexRebuild rebuild,
			ResolvedTicketRebuild ticketRebuild) {
		this.vocabulary = vocabulary;
		this.rebuild = rebuild;
		this.ticketRebuild = ticketRebuild;
	}

	/** A group of synonyms as typed. */
	record SynonymsForm(String terms) {
	}

	/** A dictionary word. */
	record WordForm(String word) {
	}

	@GetMapping("/vocabulary")
	@Operation(summary = "The synonym groups and the dictionary's words")
	KnowledgeVocabulary.Vocabulary vocabulary() {
		return vocabulary.list();
	}

	@PostMapping("/vocabulary/synonyms")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a group of synonyms", description = "`terms`: 2 to 10 terms of at most 30 characters, "
			+ "separated by commas, spaces or slashes (`打印机/打印机器`). 400 otherwise.")
	Map<String, Long> addSynonyms(@RequestBody(required = false) SynonymsForm form) {
		return Map.of("id", vocabulary.addSynonyms(form == null ? null : form.terms()));
	}

	@DeleteMapping("/vocabulary/synonyms/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a group of synonyms")
	void removeSynonyms(@PathVariable long id) {
		vocabulary.removeSynonyms(id);
	}

	@PostMapping("/vocabulary/words")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a word to the user dictionary", description = "2 to 30 characters without spaces; "
			+ "400 otherwise, 409 when it is there already.")
	Map<String, Long> addWord(@RequestBody(required = false) WordForm form) {
		return Map.of("id", vocabulary.addWord(form == null ? null : form.word()));
	}

	@DeleteMapping("/vocabulary/words/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a word from the user dictionary")
	void removeWord(@PathVariable long id) {
		vocabulary.removeWord(id);
	}

	@GetMapping("/index")
	@Operation(summary = "This node's index: the last change applied and committed, articles held, the rebuild")
	IndexRebuild.IndexState index() {
		return rebuild.state();
	}

	@PostMapping("/index/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild this node's index from the database in the background",
			description = "Follow it with GET /api/v1/knowledge/index. 409 while a rebuild runs.")
	IndexRebuild.Progress startRebuild() {
		return rebuild.start();
	}

	@GetMapping("/index/resolved-tickets")
	@Operation(summary = "This node's index of resolved tickets (日常问题查询库): changes applied, tickets held, the "
			+ "rebuild")
	ResolvedTicketRebuild.ResolvedTicketIndexState ticketIndex() {
		return ticketRebuild.state();
	}

	@PostMapping("/index/resolved-tickets/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild this node's index of resolved tickets from the database in the background",
			description = "Reads the finished tickets in keyset pages of 2,000 (bounded memory at any count). Follow "
					+ "it with GET /api/v1/knowledge/index/resolved-tickets. 409 while a rebuild runs.")
	IndexRebuild.Progress startTicketRebuild() {
		return ticketRebuild.start();
	}
}
