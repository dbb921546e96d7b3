package org.yunwei.document;

import java.util.List;

import org.springframework.stereotype.Service;
import org.yunwei.document.internal.DocumentReading;
import org.yunwei.identity.Actors;

/**
 * What other modules may ask of the policy and document library: the signed-in person's documents to read and
 * confirm (阅知确认), for the home page. Pages of other modules show the documents that govern them by including the
 * fragment {@code /documents/governing?category=…}, which needs no code of theirs.
 */
@Service
public class PolicyDocuments {

	private final Actors actors;
	private final DocumentReading reading;

	PolicyDocuments(Actors actors, DocumentReading reading) {
		this.actors = actors;
		this.reading = reading;
	}

	/** The signed-in person's published versions still to confirm, oldest first, at most {@code limit} (1 to 50). */
	public List<DocumentToRead> toRead(int limit) {
		return reading.toRead(actors.current().userId(), Math.max(1, Math.min(limit, 50)));
	}

	/**
	 * How many documents of a category (e.g. {@code CONFIGURATION} for 配置管理制度) are in force — have a current
	 * approved version — for a provider party: those it keeps and those that apply to it; every provider's for
	 * {@code null}. For other modules' compliance evidence, which rests on the rules document; answers whoever asks.
	 */
	public long inForce(String categoryCode, Long providerPartyId) {
		return reading.inForce(categoryCode, providerPartyId);
	}

	/** How many published versions the signed-in person has still to confirm. */
	public long toReadCount() {
		return reading.toReadCount(actors.current().userId());
	}
}
