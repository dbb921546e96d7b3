package org.yunwei.cmdb.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * What the ticket pages show of the CMDB without the service desk depending on it: the configuration item picker
 * (search as you type by name, IP, serial or asset tag, filling the ticket's text field with the name tickets give the
 * item), and the box on a ticket's page with the item it names, that item's other open incidents and what its failure
 * reaches. Both are htmx fragments; the reader's right to the CMDB is checked first (403), then the ticket (404).
 */
@Controller
class CiTicketWebController {

	private static final Pattern FIELD_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,40}$");

	private final CmdbScope scope;
	private final Ledger ledger;
	private final CiTicketNames names;
	private final CiIncidents incidents;
	private final ImpactAnalysis impact;
	private final ItemRegister register;
	private final Tickets tickets;

	CiTicketWebController(CmdbScope scope, Ledger ledger, CiTicketNames names,
			CiIncidents incidents, ImpactAnalysis impact, ItemRegister register, Tickets tickets) {
		this.scope = scope;
		this.ledger = ledger;
		this.names = names;
		this.incidents = incidents;
		this.impact = impact;
		this.register = register;
		this.tickets = tickets;
	}

	/**
	 * The picker's choices for what was typed into a ticket's configuration item field ({@code field} is that
	 * field's id, which a choice fills).
	 */
	@GetMapping("/cmdb/items/ticket-choices")
	String choices(@RequestParam(required = false) String configurationItem,
			@RequestParam(required = false) String field, Model model) {
		scope.reader();
		String target = field != null && FIELD_ID.matcher(field).matches() ? field : "configurationItem";
		String q = configurationItem == null ? null : configurationItem.strip();
		List<ConfigurationItemSummary> found = q == null || q.isEmpty() ? List.of() : ledger.search(q, 15);
		model.addAttribute("field", target);
		model.addAttribute("q", q);
		model.addAttribute("choices", found.stream()
			.map(item -> new Choice(item, CiTicketNames.of(item.name(), item.assetTag(), item.ipAddress()))).toList());
		return "cmdb/ticket :: choices";
	}

	/** The box on a ticket's page: the item the ticket names, its other open incidents and its impact. */
	@GetMapping("/cmdb/tickets/{ticketId}/item")
	String box(@PathVariable long ticketId, Model model) {
		CmdbScope.View reader = scope.reader();
		TicketReference ticket = tickets.find(ticketId).orElseThrow(() -> RejectedRequest.notFound("ticket"));
		model.addAttribute("ticket", ticket);
		ConfigurationItem item = names.resolve(ticket.configurationItem())
			.filter(i -> reader.includes(i.fields().customerUnitId(), i.fields().providerPartyId())).orElse(null);
		if (item != null) {
			model.addAttribute("item", register.view(item));
			model.addAttribute("incidents", incidents.openOf(item, 10).stream()
				.filter(t -> t.id() != ticketId).toList());
			model.addAttribute("impact", impact.of(item.id(), 3, "downstream", 20));
		}
		return "cmdb/ticket :: box";
	}

	/** One choice of the picker: the item, and the text it puts into the ticket's field. */
	record Choice(ConfigurationItemSummary item, String value) {
	}
}
