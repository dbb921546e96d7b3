package org.yunwei.document.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunwei.document.DocumentToRead;

/** The facade's way into the acknowledgements, which stay package-private to this module's internals. */
@Component
public class DocumentReading {

	private final Acknowledgements acknowledgements;
	private final CategoryRecords categories;
	private final DocumentRecords documents;

	DocumentReading(Acknowledgements acknowledgements, CategoryRecords categories, DocumentRecords documents) {
		this.acknowledgements = acknowledgements;
		this.categories = categories;
		this.documents = documents;
	}

	public long inForce(String categoryCode, Long partyId) {
		return categories.findByCode(categoryCode)
			.map(category -> (long) documents.currentOf(List.of(category.id()), partyId).size())
			.orElse(0L);
	}

	public List<DocumentToRead> toRead(long userId, int limit) {
		return acknowledgements.toRead(userId, limit);
	}

	public long toReadCount(long userId) {
		return acknowledgements.toReadCount(userId);
	}
}
