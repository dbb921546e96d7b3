package org.yunwei.ticket.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.filter.SavedFilter;
import org.yunwei.ticket.internal.filter.SavedFilterDraft;
import org.yunwei.ticket.internal.filter.SavedFilterQuery;
import org.yunwei.ticket.internal.filter.SavedFilters;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.list.TicketSearch;
import org.yunwei.ticket.internal.list.TicketSummary;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.work.BulkTicketWork;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The agents' workspace (坐席工作台): the ticket queue with filters, SLA countdowns, saved filters as queues and bulk
 * actions. Customers are sent to the portal.
 */
@Controller
class TicketPageWorkspaceWebController {

	private static final int MAX_COUNTDOWNS = 200;

	private final Actors actors;
	private final TicketAccess access;
	private final TicketSearch search;
	private final TicketPageDirectory directory;
	private final TicketPageCountdowns countdowns;
	private final SavedFilters filters;
	private final BulkTicketWork bulk;
	private final TicketRecords records;
	private final MessageSource messages;
	private final TicketListExport export;
	private final ServiceCatalog catalog;
	private final ZoneId zone;

	TicketPageWorkspaceWebController(Actors actors, TicketAccess access, TicketSearch search,
			TicketPageDirectory directory, TicketPageCountdowns countdowns, SavedFilters filters, BulkTicketWork bulk,
			TicketRecords records, MessageSource messages, TicketListExport export, ServiceCatalog catalog,
			TicketSettings settings) {
		this.export = export;
		this.catalog = catalog;
		this.zone = settings.zone();
		this.actors = actors;
		this.access = access;
		this.search = search;
		this.directory = directory;
		this.countdowns = countdowns;
		this.filters = filters;
		this.bulk = bulk;
		this.records = records;
		this.messages = messages;
	}

	@GetMapping("/tickets")
	String list(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(required = false) String cursor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (customer()) {
			return "redirect:/portal/tickets";
		}
		requireWorkspace();
		return list(model, SavedFilterQuery.of(parameters), cursor, htmx != null && cursor != null);
	}

	/**
	 * The list as it is filtered, as an Excel download; a refusal (too many tickets, an unreadable filter) goes back
	 * to the list with the message.
	 */
	@GetMapping("/tickets/export")
	void export(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		requireWorkspace();
		SavedFilterQuery filter = SavedFilterQuery.of(parameters);
		try {
			export.export(filter.toQuery(actors.current().userId(), null, null, zone), filter.canonical(),
					LocaleContextHolder.getLocale(), () -> TicketListExport.open(response, zone));
		}
		catch (RejectedRequest refused) {
			// the response is this method's own (it writes the file), so the way back is written by hand too
			RedirectAttributesModelMap back = new RedirectAttributesModelMap();
			TicketPageRefusals.flash(back, refused);
			String location = request.getContextPath() + "/tickets" + query(filter);
			RequestContextUtils.getOutputFlashMap(request).putAll(back.getFlashAttributes());
			RequestContextUtils.saveOutputFlashMap(location, request, response);
			response.sendRedirect(location);
		}
	}

	@GetMapping("/tickets/countdowns")
	String countdowns(@RequestParam(required = false) String ids, Model model) {
		requireWorkspace();
		Map<Long, TicketPageRow> rows = new java.util.LinkedHashMap<>();
		for (String id : ids == null ? new String[0] : ids.split(",")) {
			if (rows.size() >= MAX_COUNTDOWNS || !id.strip().matches("\\d{1,18}")) {
				continue;
			}
			long ticketId = Long.parseLong(id.strip());
			try {
				TicketRow ticket = access.visible(ticketId);
				rows.put(ticketId, countdowns.row(ticketId, ticket.status()));
			}
			catch (RejectedRequest invisible) {
				// a ticket that left the person's scope since the list was drawn: its countdown is left as it was
			}
		}
		model.addAttribute("rows", rows);
		return "ticket/workspace/list :: countdowns";
	}

	@PostMapping("/tickets/bulk")
	String bulk(@ModelAttribute("bulk") TicketPageBulkForm form,
			@RequestParam(name = "ids", required = false) List<String> ids, Model model, RedirectAttributes redirect) {
		requireWorkspace();
		SavedFilterQuery back = backTo(form.back());
		List<Long> tickets = new ArrayList<>();
		for (String id : ids == null ? List.<String>of() : ids) {
			Long parsed = TicketPageDraftForm.number(id, "ids", new java.util.HashMap<>());
			if (parsed != null) {
				tickets.add(parsed);
			}
		}
		java.util.Map<String, String> unreadable = new java.util.LinkedHashMap<>();
		Long groupId = TicketPageDraftForm.number(form.groupId(), "groupId", unreadable);
		Long assigneeId = TicketPageDraftForm.number(form.assigneeUserId(), "assigneeUserId", unreadable);
		model.addAttribute("selected", new LinkedHashSet<>(tickets));
		if (!unreadable.isEmpty()) {
			TicketPageRefusals.showUnreadable(model, unreadable);
			return list(model, back, null, false);
		}
		try {
			int changed = bulk.apply(tickets, form.action(), groupId, assigneeId, form.resolutionCode(),
					form.resolutionText());
			TicketPageRefusals.notice(redirect, "ticketui.bulk.done", changed);
			return "redirect:/tickets" + query(back);
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			model.addAttribute("bulkTickets", ticketProblems(refused, tickets));
			return list(model, back, null, false);
		}
	}

	@PostMapping("/tickets/filters")
	String saveFilter(@RequestParam(required = false) String name, @RequestParam(required = false) String shared,
			@RequestParam(required = false) String query, Model model, RedirectAttributes redirect) {
		requireWorkspace();
		try {
			SavedFilter saved = filters.create(new SavedFilterDraft(name, query, shared != null));
			TicketPageRefusals.notice(redirect, "ticketui.queue.saved", saved.name());
			return "redirect:/tickets" + (saved.query().isEmpty() ? "?status=" : "?" + saved.query());
		}
		catch (RejectedRequest refused) {
			model.addAttribute("saveErrors", refused.fieldErrors());
			model.addAttribute("saveName", name);
			model.addAttribute("saveShared", shared != null);
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "ticketui.failed");
			model.addAttribute("problemArgs", refused.arguments());
			return list(model, backTo(query), null, false);
		}
	}

	@PostMapping("/tickets/filters/{id}/delete")
	String deleteFilter(@PathVariable long id, RedirectAttributes redirect) {
		requireWorkspace();
		try {
			filters.delete(id);
			TicketPageRefusals.notice(redirect, "ticketui.queue.deleted");
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.flash(redirect, refused);
		}
		return "redirect:/tickets";
	}

	private String list(Model model, SavedFilterQuery filter, String cursor, boolean rowsOnly) {
		Actor actor = actors.current();
		KeysetPage<TicketSummary> page;
		try {
			page = search.list(filter.toQuery(actor.userId(), null, cursor, zone));
		}
		catch (RejectedRequest refused) {
			model.addAttribute("filterErrors", refused.fieldErrors());
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("filter", filter);
		model.addAttribute("names", directory.names(page.items()));
		model.addAttribute("clocks", countdowns.rows(page.items()));
		model.addAttribute("ids", page.items().stream().map(t -> String.valueOf(t.id()))
			.collect(Collectors.joining(",")));
		model.addAttribute("mayWork", mayWork());
		model.addAttribute("mayShareQueues", filters.mayShare());
		model.addAttribute("listQuery", query(filter));
		model.addAttribute("sortDueQuery", query(filter.sortedBy("due")));
		model.addAttribute("sortCreatedQuery", query(filter.sortedBy("created")));
		if (!model.containsAttribute("selected")) {
			model.addAttribute("selected", Set.of());
		}
		if (rowsOnly) {
			return "ticket/workspace/list :: rows";
		}
		String current = filter.canonical();
		List<SavedFilter> queues = filters.list();
		model.addAttribute("queues", queues);
		model.addAttribute("activeQueue", queues.stream().filter(q -> q.query().equals(current)).findFirst()
			.orElse(null));
		List<AssignmentGroup> groups = directory.groups();
		model.addAttribute("groups", groups);
		model.addAttribute("members", directory.members(groups));
		model.addAttribute("units", directory.customerUnits());
		model.addAttribute("services", directory.servicesForAgents());
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("resolutionCodes", ResolutionCode.values());
		if (!model.containsAttribute("bulk")) {
			model.addAttribute("bulk", TicketPageBulkForm.EMPTY);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "ticket/workspace/list";
	}

	/** Each ticket a bulk action stopped at, by number, with why in the reader's language. */
	private List<String> ticketProblems(RejectedRequest refused, List<Long> tickets) {
		Locale locale = LocaleContextHolder.getLocale();
		String why = messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale);
		List<String> lines = new ArrayList<>();
		refused.fieldErrors().forEach((field, key) -> {
			if (field.startsWith("ids[")) {
				int index = Integer.parseInt(field.substring(4, field.length() - 1));
				String number = index < tickets.size()
						? records.find(tickets.get(index)).map(TicketRow::number).orElse("#" + tickets.get(index))
						: "?";
				lines.add(messages.getMessage("ticketui.bulk.refused", new Object[] { number, why }, locale));
			}
		});
		return lines;
	}

	private static SavedFilterQuery backTo(String query) {
		try {
			return SavedFilterQuery.parse(query);
		}
		catch (RejectedRequest unknown) {
			return SavedFilterQuery.QUEUE;
		}
	}

	/** The query string of a list, with {@code ?}; "?status=" for "everything" so that no default is applied. */
	static String query(SavedFilterQuery filter) {
		String text = filter.canonical();
		return text.isEmpty() ? "?status=" : "?" + text;
	}

	private boolean customer() {
		return actors.current().partyKind() == PartyKind.CUSTOMER;
	}

	private boolean mayWork() {
		Actor actor = actors.current();
		return actor.can(Permission.TICKET_WORK) && actor.partyKind() != PartyKind.SUPERVISION
				&& actor.partyKind() != PartyKind.CUSTOMER;
	}

	private void requireWorkspace() {
		if (!access.isAgent()) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
	}

}
