package org.yunwei.knowledge.internal.search;

import java.util.StringJoiner;

import org.yunwei.ticket.ResolvedTicketText;

/**
 * A finished ticket as the index holds it: the subject as its title, and as its body the resolution first (what a
 * reader looks for, and the snippet's start when nothing in the body matched), then the description, the service's
 * name, the configuration item and the category.
 */
record IndexedTicket(long id, String type, Long providerPartyId, long customerOrgUnitId, String subject, String body) {

	static IndexedTicket of(ResolvedTicketText ticket, String serviceName) {
		StringJoiner body = new StringJoiner("\n");
		for (String part : new String[] { ticket.resolutionText(), ticket.description(), serviceName,
				ticket.configurationItem(), ticket.category() }) {
			if (part != null && !part.isBlank()) {
				body.add(part.strip());
			}
		}
		return new IndexedTicket(ticket.id(), ticket.type().name(), ticket.providerPartyId(),
				ticket.customerOrgUnitId(), ticket.subject(), body.toString());
	}
}
