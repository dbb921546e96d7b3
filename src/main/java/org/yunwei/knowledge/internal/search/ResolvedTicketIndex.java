package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
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
class ResolvedTicketIndex extends IndexDirectory {

	static final String ID = "id";
	/** The ticket id as a number: the tie-breaker of the ranking and the cursor of the next page. */
	static final String ORDER = "order";
	static final String PROVIDER = "provider";
	static final String UNIT = "unit";
	/** {@code INCIDENT} or {@code SERVICE_REQUEST}: the suggestions beside a ticket being written ask incidents only. */
	static final String TYPE = "type";
	/** The document layout; an index of another layout is rebuilt at start (2: the ticket's type). */
	static final String CURRENT_FORMAT = "2";

	ResolvedTicketIndex(@Value("${yunwei.knowledge.ticket-index-directory}") Path path) throws IOException {
		super(path, CURRENT_FORMAT);
	}

	/** Puts the ticket in place of the one of its id. */
	void put(IndexedTicket ticket) {
		updateDocument(new Term(ID, String.valueOf(ticket.id())), document(ticket));
	}

	/** Adds a ticket known not to be in the index (a build after {@link #clearForBuild()}); thread-safe. */
	void add(IndexedTicket ticket) {
		addDocument(document(ticket));
	}

	private static Document document(IndexedTicket ticket) {
		Document doc = new Document();
		doc.add(new StringField(ID, String.valueOf(ticket.id()), Field.Store.YES));
		doc.add(new NumericDocValuesField(ORDER, ticket.id()));
		if (ticket.providerPartyId() != null) {
			doc.add(new StringField(PROVIDER, String.valueOf(ticket.providerPartyId()), Field.Store.NO));
		}
		doc.add(new StringField(UNIT, String.valueOf(ticket.customerOrgUnitId()), Field.Store.NO));
		doc.add(new StringField(TYPE, ticket.type(), Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.TITLE, ticket.subject(), Field.Store.NO));
		doc.add(new TextField(KnowledgeAnalyzers.TITLE_GRAM, ticket.subject(), Field.Store.NO));
		doc.add(new Field(KnowledgeAnalyzers.BODY, ticket.body(), BODY_TYPE));
		doc.add(new Field(KnowledgeAnalyzers.BODY_GRAM, ticket.body(), BODY_GRAM_TYPE));
		return doc;
	}

	void remove(long ticketId) {
		deleteDocument(new Term(ID, String.valueOf(ticketId)));
	}
}
