package org.yunwei.knowledge.internal.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;
import org.yunwei.knowledge.internal.search.VocabularyRecords.DictionaryWord;
import org.yunwei.knowledge.internal.search.VocabularyRecords.SynonymGroup;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The search's synonyms and user dictionary, which administrators (KNOWLEDGE_ADMIN) extend; every change is audited.
 * A search reads them from a copy kept for a few seconds, renewed at once after a change on this node, so that a
 * second node follows within {@link #FRESH}.
 */
@Service
public class KnowledgeVocabulary {

	static final Duration FRESH = Duration.ofSeconds(10);
	static final int TERM_MAX = 30;
	static final int TERMS_MAX = 10;

	private final VocabularyRecords records;
	private final Actors actors;
	private final AuditTrail audit;
	private volatile Snapshot snapshot;

	KnowledgeVocabulary(VocabularyRecords records, Actors actors, AuditTrail audit) {
		this.records = records;
		this.actors = actors;
		this.audit = audit;
	}

	/** The vocabulary as a search applies it; lower-cased. */
	record Snapshot(List<List<String>> synonyms, List<String> words, long readAt) {

		/** The terms a text brings in through its synonyms, not already in it. */
		List<String> synonymsOf(String text) {
			String lowered = text.toLowerCase(Locale.ROOT);
			Set<String> more = new LinkedHashSet<>();
			for (List<String> group : synonyms) {
				if (group.stream().anyMatch(lowered::contains)) {
					group.stream().filter(t -> !lowered.contains(t)).forEach(more::add);
				}
			}
			return new ArrayList<>(more);
		}

		/** The dictionary's words the text holds. */
		List<String> wordsIn(String text) {
			String lowered = text.toLowerCase(Locale.ROOT);
			return words.stream().filter(lowered::contains).toList();
		}
	}

	/** What the administration page and the API show. */
	public record Vocabulary(List<SynonymGroup> synonyms, List<DictionaryWord> words) {
	}

	Snapshot snapshot() {
		Snapshot current = snapshot;
		if (current == null || System.nanoTime() - current.readAt() > FRESH.toNanos()) {
			current = read();
		}
		return current;
	}

	private Snapshot read() {
		Snapshot fresh = new Snapshot(records.synonyms().stream()
			.map(g -> g.terms().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()).toList(),
				records.words().stream().map(w -> w.word().toLowerCase(Locale.ROOT)).toList(), System.nanoTime());
		snapshot = fresh;
		return fresh;
	}

	/** The administrator, or 403. */
	public Actor requireAdministrator() {
		Actor actor = actors.current();
		if (!actor.can(Permission.KNOWLEDGE_ADMIN)) {
			throw RejectedRequest.forbidden("knowledge.vocabulary.forbidden");
		}
		return actor;
	}

	@Transactional(readOnly = true)
	public Vocabulary list() {
		requireAdministrator();
		return new Vocabulary(records.synonyms(), records.words());
	}

	/** A group of two to ten terms, separated by commas, spaces or slashes; 400 naming {@code terms} otherwise. */
	@Transactional
	public long addSynonyms(String typed) {
		Actor admin = requireAdministrator();
		List<String> terms = typed == null ? List.of()
				: Arrays.stream(typed.split("[,，、/;；\\s]+")).map(String::strip).filter(t -> !t.isEmpty())
					.distinct().toList();
		if (terms.size() < 2 || terms.size() > TERMS_MAX || terms.stream().anyMatch(t -> t.length() > TERM_MAX)) {
			throw RejectedRequest.invalidField("terms", "knowledge.synonyms.invalid");
		}
		long id = records.insertSynonyms(terms, admin.userId());
		audit.record(AuditEntry.of("KNOWLEDGE_SYNONYMS_ADDED", "knowledge_synonym", id)
			.after(Map.of("terms", terms)).detail(String.join(" / ", terms)));
		read();
		return id;
	}

	@Transactional
	public void removeSynonyms(long id) {
		requireAdministrator();
		SynonymGroup removed = records.removeSynonyms(id)
			.orElseThrow(() -> RejectedRequest.notFound("knowledge-synonym"));
		audit.record(AuditEntry.of("KNOWLEDGE_SYNONYMS_REMOVED", "knowledge_synonym", id)
			.before(Map.of("terms", removed.terms())).detail(String.join(" / ", removed.terms())));
		read();
	}

	/** A word of two to thirty characters without spaces; 400 naming {@code word} otherwise, 409 when it is there. */
	@Transactional
	public long addWord(String typed) {
		Actor admin = requireAdministrator();
		String word = FieldErrors.clean(typed);
		if (word == null || word.length() < 2 || word.length() > TERM_MAX || word.chars().anyMatch(Character::isWhitespace)) {
			throw RejectedRequest.invalidField("word", "knowledge.dictionary.invalid");
		}
		long id = records.insertWord(word, admin.userId())
			.orElseThrow(() -> RejectedRequest.conflict("knowledge-word-exists", "knowledge.dictionary.exists"));
		audit.record(AuditEntry.of("KNOWLEDGE_WORD_ADDED", "knowledge_dictionary_word", id)
			.after(Map.of("word", word)).detail(word));
		read();
		return id;
	}

	@Transactional
	public void removeWord(long id) {
		requireAdministrator();
		DictionaryWord removed = records.removeWord(id)
			.orElseThrow(() -> RejectedRequest.notFound("knowledge-word"));
		audit.record(AuditEntry.of("KNOWLEDGE_WORD_REMOVED", "knowledge_dictionary_word", id)
			.before(Map.of("word", removed.word())).detail(removed.word()));
		read();
	}
}
