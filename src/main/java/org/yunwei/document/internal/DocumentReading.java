package org.yunwei.document.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunwei.document.DocumentToRead;

/** The facade's way into the acknowledgements, which stay package-private to this module's internals. */
@Component
public class DocumentReading {

	private final Acknowledgements acknowledgements;

	DocumentReading(Acknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	public List<DocumentToRead> toRead(long userId, int limit) {
		return acknowledgements.toRead(userId, limit);
	}

	public long toReadCount(long userId) {
		return acknowledgements.toReadCount(userId);
	}
}
