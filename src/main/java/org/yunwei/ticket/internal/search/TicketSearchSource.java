package org.yunwei.ticket.internal.search;

import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.search.SearchHit;
import org.yunwei.search.SearchQuery;
import org.yunwei.search.SearchSource;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.ticket.internal.list.TicketSearch;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * Tickets in global search, found as the ticket list finds its text filter ({@code q}): a whole number by the
 * numbers' unique index, other text within the subject through the subjects' index of grams, newest first. The reader
 * gets what their ticket list would show them: nothing unless {@link TicketAccess#reads} lets them read ticket
 * lists, and then only the tickets of their data scope, through the list's own statement.
 */
@Component
@Order(0)
class TicketSearchSource implements SearchSource {

	static final String KIND = "ticket";

	private final TicketSearch tickets;
	private final Actors actors;
	private final MessageSource messages;

	TicketSearchSource(TicketSearch tickets, Actors actors, MessageSource messages) {
		this.tickets = tickets;
		this.actors = actors;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchHit> search(SearchQuery query, Actor reader) {
		if (!TicketAccess.reads(reader)) {
			return List.of();
		}
		// the list reads one row more than its limit to tell that more follow
		TicketQuery list = TicketQuery.of(null, null, null, null, null, null, null, null, null, null, null,
				query.text(), null, query.limit(), null);
		return tickets.rows(list, actors.scopeOf(reader)).stream().limit(query.limit())
			.map(ticket -> hit(ticket, query, reader)).toList();
	}

	@Override
	public Optional<SearchHit> resolve(SearchQuery reference, Actor reader) {
		if (!TicketQuery.looksLikeNumber(reference.text())) {
			return Optional.empty();
		}
		return search(reference, reader).stream().findFirst();
	}

	private SearchHit hit(TicketRow ticket, SearchQuery query, Actor reader) {
		String link = (reader.partyKind() == PartyKind.CUSTOMER ? "/portal/tickets/" : "/tickets/") + ticket.id();
		String status = messages.getMessage("ticket.status." + ticket.status(), null, query.locale());
		return new SearchHit(KIND, ticket.number(), ticket.subject(), query.excerpt(ticket.description()), status,
				ticket.updatedAt(), link);
	}
}
