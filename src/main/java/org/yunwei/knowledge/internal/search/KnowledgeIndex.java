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
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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

	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;

	KnowledgeIndex(@Value("${yunwei.knowledge.index-directory}") Path path) throws IOException {
		Files.createDirectories(path);
		this.directory = FSDirectory.open(path);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzers.forIndexing())
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
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

	private Map<String, String> commitData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return data;
	}

	void put(IndexedArticle article) {
		Document doc = new Document();
		doc.add(new StringField(ID, String.valueOf(article.id()), Field.Store.YES));
		doc.add(new StringField(PARTY, String.valueOf(article.partyId()), Field.Store.NO));
		doc.add(new StringField(VISIBILITY, article.visibility(), Field.Store.NO));
		doc.add(new StringField(CATEGORY, article.category(), Field.Store.YES));
		String titleText = article.title() + " " + String.join(" ", article.tags());
		doc.add(new TextField(KnowledgeAnalyzers.TITLE, titleText, Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.TITLE_GRAM, titleText, Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.BODY, article.body(), Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.BODY_GRAM, article.body(), Field.Store.NO));
		doc.add(new StoredField("title_stored", article.title()));
		doc.add(new StoredField("body_stored", article.body()));
		try {
			writer.updateDocument(new Term(ID, String.valueOf(article.id())), doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
			writer.setLiveCommitData(Map.of(APPLIED, String.valueOf(applied), EPOCH, epoch).entrySet());
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
