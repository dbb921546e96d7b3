package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;

/**
 * The open incidents that name a configuration item, of those the signed-in person may see, through the service
 * desk's facade: a ticket names an item by any of the texts {@link CiTicketNames#namesOf} gives.
 */
@Component
class CiIncidents {

	private final Tickets tickets;
	private final CiTicketNames names;
	private final ConfigurationItemRecords records;

	CiIncidents(Tickets tickets, CiTicketNames names, ConfigurationItemRecords records) {
		this.tickets = tickets;
		this.names = names;
		this.records = records;
	}

	/** As {@link #openOf(ConfigurationItem, int)}, for an item the caller has checked the reader may see. */
	List<TicketReference> openOf(long itemId, int limit) {
		return records.find(itemId).map(item -> openOf(item, limit)).orElse(List.of());
	}

	/** Newest first, at most {@code limit} (1 to 50). */
	List<TicketReference> openOf(ConfigurationItem item, int limit) {
		Map<Long, TicketReference> found = new LinkedHashMap<>();
		for (String name : names.namesOf(item)) {
			tickets.openIncidentsOfConfigurationItem(name, limit).forEach(t -> found.putIfAbsent(t.id(), t));
		}
		List<TicketReference> newest = new ArrayList<>(found.values());
		newest.sort(Comparator.comparing(TicketReference::createdAt).reversed()
			.thenComparing(Comparator.comparing(TicketReference::id).reversed()));
		return newest.size() > limit ? newest.subList(0, limit) : newest;
	}
}
