package org.yunwei.knowledge.internal.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code knowledge_synonym} and {@code knowledge_dictionary_word}: the only class that writes them. */
@Repository
class VocabularyRecords {

	private final JdbcClient jdbc;

	VocabularyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A group of terms that find each other. */
	record SynonymGroup(long id, List<String> terms) {
	}

	/** A word the search keeps whole. */
	record DictionaryWord(long id, String word) {
	}

	List<SynonymGroup> synonyms() {
		return jdbc.sql("select id, terms from knowledge_synonym order by id")
			.query((rs, n) -> new SynonymGroup(rs.getLong(1), Arrays.asList((String[]) rs.getArray(2).getArray())))
			.list();
	}

	List<DictionaryWord> words() {
		return jdbc.sql("select id, word from knowledge_dictionary_word order by word")
			.query((rs, n) -> new DictionaryWord(rs.getLong(1), rs.getString(2))).list();
	}

	long insertSynonyms(List<String> terms, long userId) {
		String literal = terms.stream().map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
		return jdbc.sql("insert into knowledge_synonym (terms, created_by) values (cast(? as text[]), ?) returning id")
			.params(literal, userId).query(Long.class).single();
	}

	Optional<SynonymGroup> removeSynonyms(long id) {
		return jdbc.sql("delete from knowledge_synonym where id = ? returning id, terms").param(id)
			.query((rs, n) -> new SynonymGroup(rs.getLong(1), Arrays.asList((String[]) rs.getArray(2).getArray())))
			.optional();
	}

	/** The new word's id; empty when it is in the dictionary already. */
	Optional<Long> insertWord(String word, long userId) {
		return jdbc.sql("""
				insert into knowledge_dictionary_word (word, created_by) values (?, ?)
				on conflict on constraint knowledge_dictionary_word_once do nothing returning id""")
			.params(word, userId).query(Long.class).optional();
	}

	Optional<DictionaryWord> removeWord(long id) {
		return jdbc.sql("delete from knowledge_dictionary_word where id = ? returning id, word").param(id)
			.query((rs, n) -> new DictionaryWord(rs.getLong(1), rs.getString(2))).optional();
	}
}
