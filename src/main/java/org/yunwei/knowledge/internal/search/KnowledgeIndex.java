package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of published articles, in a directory beside the data. Each commit records the last change of the
 * change log it has applied and the log's epoch, so that after a crash or restore it is known how far it got. Readers
 * search a near-real-time view refreshed after every applied batch.
 */
@Component
class KnowledgeIndex extends IndexDirectory {

	static final String ID = "id";
	static final String PARTY = "party";
	static final String VISIBILITY = "visibility";
	static final String CATEGORY = "category";
	/**
	 * How documents are laid out; an index of another format (an older release's) is rebuilt at start. 2: the body is
	 * stored in its own field and both body fields keep offsets in their postings, so snippets are cut without
	 * analysing the text again.
	 */
	static final String CURRENT_FORMAT = "2";

	KnowledgeIndex(@Value("${yunwei.knowledge.index-directory}") Path path) throws IOException {
		super(path, CURRENT_FORMAT);
	}

	/** Puts the article in place of the one of its id. */
	void put(IndexedArticle article) {
		updateDocument(new Term(ID, String.valueOf(article.id())), document(article));
	}

	/** Adds an article known not to be in the index (a build after {@link #clearForBuild()}); thread-safe. */
	void add(IndexedArticle article) {
		addDocument(document(article));
	}

	private static Document document(IndexedArticle article) {
		Document doc = new Document();
		doc.add(new StringField(ID, String.valueOf(article.id()), Field.Store.YES));
		doc.add(new StringField(PARTY, String.valueOf(article.partyId()), Field.Store.NO));
		doc.add(new StringField(VISIBILITY, article.visibility(), Field.Store.NO));
		doc.add(new StringField(CATEGORY, article.category(), Field.Store.YES));
		String titleText = article.title() + " " + String.join(" ", article.tags());
		doc.add(new TextField(KnowledgeAnalyzers.TITLE, titleText, Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.TITLE_GRAM, titleText, Field.Store.NO));
		doc.add(new Field(KnowledgeAnalyzers.BODY, article.body(), BODY_TYPE));
		doc.add(new Field(KnowledgeAnalyzers.BODY_GRAM, article.body(), BODY_GRAM_TYPE));
		return doc;
	}

	void remove(long articleId) {
		deleteDocument(new Term(ID, String.valueOf(articleId)));
	}
}
