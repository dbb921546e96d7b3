package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;

/**
 * One Lucene index in its directory, as both search indexes keep it (the articles' and the resolved tickets'): one
 * writer over the knowledge analyzers, the searchers' near-real-time view, and commits that record the last change of
 * the log applied, the log's epoch and the document layout. A build marks the commit data incomplete until its last
 * commit, and closing never commits: a build stopped half-way leaves the last commit as it was (or none), so a
 * half-written index is never taken for a complete one and the next start builds again. Each index adds its own
 * document layout.
 */
abstract class IndexDirectory implements DisposableBean {

	static final String APPLIED = "applied";
	static final String EPOCH = "epoch";
	static final String FORMAT = "format";
	/** The layout a commit would record while a build is under way: no layout's, so such an index is rebuilt. */
	static final String INCOMPLETE = "incomplete";

	/** The body: smartcn words, stored, with offsets for the highlighter. */
	static final FieldType BODY_TYPE = offsets(true);
	/** The body's characters and pairs, with offsets, highlighted onto the stored body. */
	static final FieldType BODY_GRAM_TYPE = offsets(false);

	private final String layout;
	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	/**
	 * The last commit's data, set once its view is refreshed, so that whoever waits for a change to be applied finds
	 * it in the very next search.
	 */
	private volatile Map<String, String> committed;

	/**
	 * @param layout the document layout this release writes; an index of another one is rebuilt at start
	 */
	IndexDirectory(Path path, String layout) throws IOException {
		Files.createDirectories(path);
		this.layout = layout;
		this.directory = FSDirectory.open(path);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzers.forIndexing())
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			// a rebuild writes 100,000 articles or a million tickets: fewer, larger flushes
			.setRAMBufferSizeMB(64)
			// stopping keeps the last commit: what was written after it is applied again at the next start
			.setCommitOnClose(false));
		this.searchers = new SearcherManager(writer, null);
		this.committed = liveCommitData();
	}

	/** The last change applied, committed and searchable; 0 for a new index. */
	long applied() {
		return Long.parseLong(committed.getOrDefault(APPLIED, "0"));
	}

	/** The epoch of the change log the index follows; {@code null} for a new index. */
	String epoch() {
		return committed.get(EPOCH);
	}

	/** The document layout of the last commit; {@code null} for a new index or one older than layouts. */
	String format() {
		return committed.get(FORMAT);
	}

	/** Whether the last commit is complete, of this database's log and of this release's layout. */
	boolean follows(String logEpoch) {
		return logEpoch.equals(epoch()) && layout.equals(format());
	}

	/** Puts the document in place of the one of its id. */
	protected final void updateDocument(Term id, Document document) {
		try {
			writer.updateDocument(id, document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds a document known not to be in the index (a build after {@link #clearForBuild()}); thread-safe. */
	protected final void addDocument(Document document) {
		try {
			writer.addDocument(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	protected final void deleteDocument(Term id) {
		try {
			writer.deleteDocuments(id);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Empties the index for a build. Until the build's last {@link #commit}, any commit would record the layout
	 * {@value #INCOMPLETE}; searches see the index as it was until {@link #refresh()} or that commit.
	 */
	void clearForBuild() {
		try {
			writer.deleteAll();
			writer.setLiveCommitData(Map.of(FORMAT, INCOMPLETE).entrySet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes what was written durable with the change it reached, and visible to searches. */
	void commit(long applied, String epoch) {
		Map<String, String> data = Map.of(APPLIED, String.valueOf(applied), EPOCH, epoch, FORMAT, layout);
		try {
			writer.setLiveCommitData(data.entrySet());
			writer.commit();
			searchers.maybeRefreshBlocking();
			committed = data;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Shows searches what was written since the last commit, without committing it (a build's pages so far). */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How many documents the searchable view holds. */
	int documents() {
		try {
			IndexSearcher searcher = searchers.acquire();
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

	/** Closes without committing (see the class). */
	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

	private static FieldType offsets(boolean stored) {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.setStored(stored);
		type.freeze();
		return type;
	}

	private Map<String, String> liveCommitData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return Map.copyOf(data);
	}
}
