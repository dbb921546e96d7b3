package org.yunwei.ticket.internal.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.attachment.AttachmentPolicy;
import org.yunwei.ticket.internal.attachment.AttachmentUpload;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.PriorityMatrix;
import org.yunwei.ticket.internal.record.ServiceObject;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.web.RejectedRequest;

/**
 * Phone intake (电话受理): an agent records a ticket for a customer unit their party serves and its reporter — one of
 * its users, or a caller by name and number — with the priority the matrix gives for impact and urgency, assigned
 * at once if wished. The reporters of the chosen unit and the priority are redrawn by htmx as the form is filled.
 */
@Controller
class TicketPageIntakeWebController {

	private final Actors actors;
	private final TicketPageDirectory directory;
	private final TicketPageSubmission submission;
	private final AttachmentPolicy policy;
	private final PriorityMatrix matrix;

	TicketPageIntakeWebController(Actors actors, TicketPageDirectory directory, TicketPageSubmission submission,
			AttachmentPolicy policy, PriorityMatrix matrix) {
		this.actors = actors;
		this.directory = directory;
		this.submission = submission;
		this.policy = policy;
		this.matrix = matrix;
	}

	@GetMapping("/tickets/new")
	String newTicket(Model model) {
		if (customer()) {
			return "redirect:/portal/tickets/new";
		}
		requireWorker();
		model.addAttribute("errors", Map.of());
		return form(model, TicketPageDraftForm.phoneCall());
	}

	@PostMapping("/tickets")
	String create(@ModelAttribute("form") TicketPageDraftForm form,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		requireWorker();
		TicketPageDraftForm.Parsed parsed = form.parse();
		if (!parsed.errors().isEmpty()) {
			TicketPageRefusals.showUnreadable(model, parsed.errors());
			return form(model, form);
		}
		try {
			TicketRow created = submission.submit(parsed.draft(), false, AttachmentUpload.of(file, policy.maxBytes()));
			TicketPageRefusals.notice(redirect, "ticketui.created", created.number());
			return "redirect:/tickets/" + created.id();
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return form(model, form);
		}
	}

	@GetMapping("/tickets/new/reporters")
	String reporters(@RequestParam(required = false) String customerOrgUnitId, Model model) {
		requireWorker();
		model.addAttribute("form", new TicketPageDraftForm(null, null, null, customerOrgUnitId, null, null, null, null,
				null, null, null, null, null, null, null, null));
		model.addAttribute("reporters", reportersOf(customerOrgUnitId));
		model.addAttribute("errors", Map.of());
		return "ticket/workspace/new :: reporters";
	}

	@GetMapping("/tickets/new/priority")
	String priority(@RequestParam(required = false) String impact, @RequestParam(required = false) String urgency,
			Model model) {
		requireWorker();
		model.addAttribute("priority", priorityOf(impact, urgency));
		return "ticket/workspace/new :: priority";
	}

	private String form(Model model, TicketPageDraftForm form) {
		model.addAttribute("form", form);
		model.addAttribute("units", directory.customerUnits());
		model.addAttribute("reporters", reportersOf(form.customerOrgUnitId()));
		model.addAttribute("services", directory.servicesForAgents());
		List<AssignmentGroup> groups = directory.groups();
		model.addAttribute("groups", groups);
		model.addAttribute("members", directory.members(groups));
		model.addAttribute("types", TicketType.values());
		model.addAttribute("channels", List.of(Channel.PHONE, Channel.EMAIL, Channel.API));
		model.addAttribute("serviceObjects", ServiceObject.NAMES);
		model.addAttribute("priority", priorityOf(form.impact(), form.urgency()));
		model.addAttribute("matrix", matrix.cells());
		model.addAttribute("attachmentTypes", String.join(", ", policy.types()));
		model.addAttribute("attachmentMax", AttachmentPolicy.megabytes(policy.maxBytes()));
		return "ticket/workspace/new";
	}

	private List<ReporterChoice> reportersOf(String customerOrgUnitId) {
		Long unitId = TicketPageDraftForm.number(customerOrgUnitId, "customerOrgUnitId", new java.util.HashMap<>());
		return unitId == null ? List.of() : directory.reporters(unitId);
	}

	private String priorityOf(String impact, String urgency) {
		java.util.Map<String, String> ignored = new java.util.HashMap<>();
		Integer i = TicketPageDraftForm.level(impact, "impact", ignored);
		Integer u = TicketPageDraftForm.level(urgency, "urgency", ignored);
		int a = i == null || i < 1 || i > 3 ? 2 : i;
		int b = u == null || u < 1 || u > 3 ? 2 : u;
		return matrix.priorityOf(a, b).name();
	}

	private boolean customer() {
		return actors.current().partyKind() == PartyKind.CUSTOMER;
	}

	private void requireWorker() {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_WORK) || actor.partyKind() == PartyKind.SUPERVISION
				|| actor.partyKind() == PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
	}
}
