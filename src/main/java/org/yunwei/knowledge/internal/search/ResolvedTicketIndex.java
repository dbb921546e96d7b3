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
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of resolved and closed tickets (日常问题查询库), in its own directory beside the articles' index and
 * laid out as that one is ({@link KnowledgeAnalyzers}: the subject as the title, the resolution, description, service,
 * configuration item and category as the body). Each document keeps the ticket's provider and customer unit, what
 * the reader's scope filters on. Each commit records the last change of {@code knowledge_ticket_change} applied and
 * the log's epoch, as {@link KnowledgeIndex} does.
 */
@Component
class ResolvedTicketIndex implements DisposableBean {

	static final String ID = "id";
	/** The ticket id as a number: the tie-breaker of the ranking and the cursor of the next page. */
	static final String ORDER = "order";
	static final String PROVIDER = "provider";
	static final String UNIT = "unit";
	static final String APPLIED = "applied";
	static final String EPOCH = "epoch";
	static final String FORMAT = "format";
	/** The document layout; an index of another layout is rebuilt at start. */
	static final String CURRENT_FORMAT = "1";

	private static final FieldType BODY_TYPE = offsets(true);
	private static final FieldType BODY_GRAM_TYPE = offsets(false);

	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	/**
	 * The last change searches see: set once the commit's view is refreshed, so that whoever waits for a change to be
	 * applied finds it in the very next search (the commit data is set before the commit and the refresh end).
	 */
	private volatile long searchable;

	ResolvedTicketIndex(@Value("${yunwei.knowledge.ticket-index-directory}") Path path) throws IOException {
		Files.createDirectories(path);
		this.directory = FSDirectory.open(path);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzers.forIndexing())
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			// a rebuild writes a million tickets: fewer, larger flushes
			.setRAMBufferSizeMB(64));
		this.searchers = new SearcherManager(writer, null);
		this.searchable = Long.parseLong(commitData().getOrDefault(APPLIED, "0"));
	}

	private static FieldType offsets(boolean stored) {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.setStored(stored);
		type.freeze();
		return type;
	}

	/** The last change applied, committed and searchable; 0 for a new index. */
	long applied() {
		return searchable;
	}

	/** The epoch of the change log the index follows; {@code null} for a new index. */
	String epoch() {
		return commitData().get(EPOCH);
	}

	String format() {
		return commitData().get(FORMAT);
	}

	private Map<String, String> commitData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return data;
	}

	/** Puts the ticket in place of the one of its id. */
	void put(IndexedTicket ticket) {
		try {
			writer.updateDocument(new Term(ID, String.valueOf(ticket.id())), document(ticket));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds a ticket known not to be in the index (a rebuild after {@link #removeAll()}); thread-safe. */
	void add(IndexedTicket ticket) {
		try {
			writer.addDocument(document(ticket));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Document document(IndexedTicket ticket) {
		Document doc = new Document();
		doc.add(new StringField(ID, String.valueOf(ticket.id()), Field.Store.YES));
		doc.add(new NumericDocValuesField(ORDER, ticket.id()));
		if (ticket.providerPartyId() != null) {
			doc.add(new StringField(PROVIDER, String.valueOf(ticket.providerPartyId()), Field.Store.NO));
		}
		doc.add(new StringField(UNIT, String.valueOf(ticket.customerOrgUnitId()), Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.TITLE, ticket.subject(), Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.TITLE_GRAM, ticket.subject(), Field.Store.NO));
		doc.add(new Field(KnowledgeAnalyzers.BODY, ticket.body(), BODY_TYPE));
		doc.add(new Field(KnowledgeAnalyzers.BODY_GRAM, ticket.body(), BODY_GRAM_TYPE));
		return doc;
	}

	void remove(long ticketId) {
		try {
			writer.deleteDocuments(new Term(ID, String.valueOf(ticketId)));
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
			searchable = applied;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How many tickets the searchable view holds. */
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

	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
