package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of published articles, in a directory beside the data. Each commit records the last change of the
 * change log it has applied and the log's epoch, so that after a crash or restore it is known how far it got. Readers
 * search a near-real-time view refreshed after every applied batch.
 */
@Component
class KnowledgeIndex implements DisposableBean {

	static final String ID = "id";
	static final String PARTY = "party";
	static final String VISIBILITY = "visibility";
	static final String CATEGORY = "category";
	static final String APPLIED = "applied";
	static final String EPOCH = "epoch";
	static final String FORMAT = "format";
	/**
	 * How documents are laid out; an index of another format (an older release's) is rebuilt at start. 2: the body is
	 * stored in its own field and both body fields keep offsets in their postings, so snippets are cut without
	 * analysing the text again.
	 */
	static final String CURRENT_FORMAT = "2";

	/** The body: smartcn words, stored, with offsets for the highlighter. */
	private static final FieldType BODY_TYPE = offsets(true);
	/** The body's characters and pairs, with offsets, highlighted onto the stored body. */
	private static final FieldType BODY_GRAM_TYPE = offsets(false);

	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;

	KnowledgeIndex(@Value("${yunwei.knowledge.index-directory}") Path path) throws IOException {
		Files.createDirectories(path);
		this.directory = FSDirectory.open(path);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzers.forIndexing())
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			// a rebuild writes 100,000 articles: fewer, larger flushes
			.setRAMBufferSizeMB(64));
		this.searchers = new SearcherManager(writer, null);
	}

	/** The last change applied, per the last commit; 0 for a new index. */
	long applied() {
		return Long.parseLong(commitData().getOrDefault(APPLIED, "0"));
	}

	/** The epoch of the change log the index follows; {@code null} for a new index. */
	String epoch() {
		return commitData().get(EPOCH);
	}

	/** The document layout of the last commit; {@code null} for a new index or one older than formats. */
	String format() {
		return commitData().get(FORMAT);
	}

	private static FieldType offsets(boolean stored) {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.setStored(stored);
		type.freeze();
		return type;
	}

	private Map<String, String> commitData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return data;
	}

	/** Puts the article in place of the one of its id. */
	void put(IndexedArticle article) {
		try {
			writer.updateDocument(new Term(ID, String.valueOf(article.id())), document(article));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds an article known not to be in the index (a rebuild after {@link #removeAll()}); thread-safe. */
	void add(IndexedArticle article) {
		try {
			writer.addDocument(document(article));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
		try {
			writer.deleteDocuments(new Term(ID, String.valueOf(articleId)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void removeAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes what was put durable with the change it reached, and visible to searches. */
	void commit(long applied, String epoch) {
		try {
			writer.setLiveCommitData(
					Map.of(APPLIED, String.valueOf(applied), EPOCH, epoch, FORMAT, CURRENT_FORMAT).entrySet());
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How many articles the searchable view holds. */
	int documents() {
		try {
			org.apache.lucene.search.IndexSearcher searcher = searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	SearcherManager searchers() {
		return searchers;
	}

	Analyzer analyzer() {
		return writer.getAnalyzer();
	}

	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
