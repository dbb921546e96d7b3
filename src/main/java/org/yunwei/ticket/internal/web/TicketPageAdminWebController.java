package org.yunwei.ticket.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Person;
import org.yunwei.sla.Priority;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.GroupAdministration;
import org.yunwei.ticket.internal.record.PriorityMatrix;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The service desk's settings pages (TICKET_ADMIN): assignment groups with their members, lead and escalation group,
 * and the priority matrix, which only management may change.
 */
@Controller
@PreAuthorize("hasAuthority('TICKET_ADMIN')")
class TicketPageAdminWebController {

	private final GroupAdministration administration;
	private final TicketPageDirectory directory;
	private final Organisations organisations;
	private final PriorityMatrix matrix;
	private final Actors actors;
	private final AuditTrail audit;

	TicketPageAdminWebController(GroupAdministration administration, TicketPageDirectory directory,
			Organisations organisations, PriorityMatrix matrix, Actors actors, AuditTrail audit) {
		this.administration = administration;
		this.directory = directory;
		this.organisations = organisations;
		this.matrix = matrix;
		this.actors = actors;
		this.audit = audit;
	}

	@GetMapping("/tickets/groups")
	String groups(Model model) {
		List<AssignmentGroup> groups = administration.list();
		model.addAttribute("groups", groups);
		model.addAttribute("members", directory.members(groups));
		model.addAttribute("parties", partyNames());
		model.addAttribute("groupNames", groups.stream()
			.collect(java.util.stream.Collectors.toMap(AssignmentGroup::id, AssignmentGroup::name)));
		return "ticket/admin/groups";
	}

	@GetMapping("/tickets/groups/new")
	String newGroup(Model model) {
		Actor actor = actors.current();
		model.addAttribute("errors", Map.of());
		return groupForm(model, null, TicketPageGroupForm.empty(
				actor.partyKind() == PartyKind.PROVIDER ? actor.partyId() : null), List.of());
	}

	@PostMapping("/tickets/groups")
	String create(@ModelAttribute("form") TicketPageGroupForm form,
			@RequestParam(name = "memberIds", required = false) List<String> memberIds, Model model,
			RedirectAttributes redirect) {
		TicketPageGroupForm.Parsed parsed = form.parse(memberIds, true);
		if (!parsed.errors().isEmpty()) {
			TicketPageRefusals.showUnreadable(model, parsed.errors());
			return groupForm(model, null, form, memberIds);
		}
		try {
			AssignmentGroup created = administration.create(parsed.draft());
			TicketPageRefusals.notice(redirect, "ticketui.group.saved", created.name());
			return "redirect:/tickets/groups";
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return groupForm(model, null, form, memberIds);
		}
	}

	@GetMapping("/tickets/groups/{id:\\d+}")
	String edit(@PathVariable long id, Model model) {
		AssignmentGroup group = administration.get(id);
		model.addAttribute("errors", Map.of());
		return groupForm(model, group, TicketPageGroupForm.of(group),
				group.memberIds().stream().map(String::valueOf).toList());
	}

	@PostMapping("/tickets/groups/{id:\\d+}")
	String update(@PathVariable long id, @ModelAttribute("form") TicketPageGroupForm form,
			@RequestParam(name = "memberIds", required = false) List<String> memberIds, Model model,
			RedirectAttributes redirect) {
		AssignmentGroup group = administration.get(id);
		TicketPageGroupForm.Parsed parsed = form.parse(memberIds, false);
		if (!parsed.errors().isEmpty()) {
			TicketPageRefusals.showUnreadable(model, parsed.errors());
			return groupForm(model, group, form, memberIds);
		}
		try {
			AssignmentGroup saved = administration.update(id, parsed.draft());
			TicketPageRefusals.notice(redirect, "ticketui.group.saved", saved.name());
			return "redirect:/tickets/groups";
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return groupForm(model, group, form, memberIds);
		}
	}

	/**
	 * The people of a party, for the members list when the party is changed (htmx): only of a party the caller may
	 * place a group in (its own; management also every provider's), nobody for any other.
	 */
	@GetMapping("/tickets/groups/people")
	String people(@RequestParam(required = false) String partyId, Model model) {
		model.addAttribute("people", peopleOf(partyId));
		model.addAttribute("chosen", Set.of());
		model.addAttribute("errors", Map.of());
		return "ticket/admin/group :: people";
	}

	@GetMapping("/tickets/priority-matrix")
	String matrix(Model model) {
		model.addAttribute("cells", matrix.cells());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("mayChange", actors.current().partyKind() == PartyKind.MANAGEMENT);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "ticket/admin/matrix";
	}

	@PostMapping("/tickets/priority-matrix")
	@Transactional
	String changeMatrix(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
		if (actors.writableScope().partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("ticket.matrix.management-only");
		}
		FieldErrors errors = new FieldErrors();
		List<PriorityMatrix.Cell> cells = new ArrayList<>();
		for (int impact = 1; impact <= 3; impact++) {
			for (int urgency = 1; urgency <= 3; urgency++) {
				String field = "cell-" + impact + "-" + urgency;
				Priority priority = errors.constant(Priority.class, fields.getFirst(field), field);
				if (priority != null) {
					cells.add(new PriorityMatrix.Cell(impact, urgency, priority));
				}
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors.asMap());
			model.addAttribute("problem", "ticketui.failed");
			model.addAttribute("problemArgs", new Object[0]);
			return matrix(model);
		}
		List<PriorityMatrix.Cell> before = matrix.cells();
		if (!before.equals(cells)) {
			cells.forEach(c -> matrix.set(c.impact(), c.urgency(), c.priority()));
			audit.record(AuditEntry.of("TICKET_PRIORITY_MATRIX_CHANGED", "ticket_priority_matrix", null)
				.before(before).after(matrix.cells()));
		}
		TicketPageRefusals.notice(redirect, "ticketui.matrix.saved");
		return "redirect:/tickets/priority-matrix";
	}

	private String groupForm(Model model, AssignmentGroup group, TicketPageGroupForm typed, List<String> chosen) {
		// a group's party is fixed: its select is disabled, so the browser does not send it back
		TicketPageGroupForm form = group == null ? typed : new TicketPageGroupForm(typed.code(), typed.name(),
				String.valueOf(group.partyId()), typed.leadUserId(), typed.escalationGroupId(), typed.enabled());
		model.addAttribute("group", group);
		model.addAttribute("form", form);
		model.addAttribute("chosen", chosen == null ? Set.of() : Set.copyOf(chosen));
		model.addAttribute("people", peopleOf(form.partyId()));
		model.addAttribute("parties", choosableParties());
		model.addAttribute("escalations", administration.secondLines(
				TicketPageDraftForm.number(form.partyId(), "partyId", new java.util.HashMap<>()),
				group == null ? null : group.id()));
		return "ticket/admin/group";
	}

	private List<Person> peopleOf(String partyId) {
		Long id = TicketPageDraftForm.number(partyId, "partyId", new java.util.HashMap<>());
		// only the parties a group may belong to: management's own scope covers customers, whose people no group holds
		if (id == null || !actors.scope().includesParty(id)
				|| choosableParties().stream().noneMatch(party -> party.id() == id)) {
			return List.of();
		}
		return directory.ofParty(id);
	}

	/** Providers and management for management; a provider's administrator only their own party. */
	private List<Party> choosableParties() {
		Actor actor = actors.current();
		if (actor.partyKind() == PartyKind.MANAGEMENT) {
			List<Party> parties = new ArrayList<>(organisations.parties(PartyKind.MANAGEMENT));
			parties.addAll(organisations.parties(PartyKind.PROVIDER));
			return parties.stream().filter(Party::enabled).toList();
		}
		return organisations.findParty(actor.partyId()).stream().toList();
	}

	private Map<Long, String> partyNames() {
		Map<Long, String> names = new java.util.HashMap<>();
		organisations.parties(PartyKind.MANAGEMENT).forEach(p -> names.put(p.id(), p.name()));
		organisations.parties(PartyKind.PROVIDER).forEach(p -> names.put(p.id(), p.name()));
		return names;
	}
}
