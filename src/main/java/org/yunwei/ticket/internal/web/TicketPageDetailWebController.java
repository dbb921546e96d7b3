package org.yunwei.ticket.internal.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.internal.attachment.AttachmentDownload;
import org.yunwei.ticket.internal.attachment.AttachmentPolicy;
import org.yunwei.ticket.internal.attachment.AttachmentUpload;
import org.yunwei.ticket.internal.attachment.AttachmentUploads;
import org.yunwei.ticket.internal.attachment.AttachmentView;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.link.LinkKind;
import org.yunwei.ticket.internal.link.TicketLinkDraft;
import org.yunwei.ticket.internal.link.TicketLinking;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.ServiceObject;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.work.TicketChanges;
import org.yunwei.ticket.internal.work.TicketWork;
import org.yunwei.ticket.ChangesOfTicket;
import org.yunwei.web.RejectedRequest;

/**
 * A ticket's page in the agents' workspace: the header with its countdowns, the tabs (details, timeline, attachments,
 * links) and the actions, each a small form that posts here and comes back to the ticket. A refused form is drawn
 * again, open, with what was typed and the message beside the field.
 */
@Controller
class TicketPageDetailWebController {

	static final List<String> TABS = List.of("details", "timeline", "attachments", "links");

	private final Actors actors;
	private final TicketAccess access;
	private final TicketPageDetails details;
	private final TicketPageDirectory directory;
	private final TicketPageCountdowns countdowns;
	private final TicketWork work;
	private final TicketLinking linking;
	private final AttachmentUploads uploads;
	private final AttachmentPolicy policy;
	private final ObjectProvider<ChangesOfTicket> changes;

	TicketPageDetailWebController(Actors actors, TicketAccess access, TicketPageDetails details,
			TicketPageDirectory directory, TicketPageCountdowns countdowns, TicketWork work, TicketLinking linking,
			AttachmentUploads uploads, AttachmentPolicy policy, ObjectProvider<ChangesOfTicket> changes) {
		this.changes = changes;
		this.actors = actors;
		this.access = access;
		this.details = details;
		this.directory = directory;
		this.countdowns = countdowns;
		this.work = work;
		this.linking = linking;
		this.uploads = uploads;
		this.policy = policy;
	}

	@GetMapping("/tickets/{id:\\d+}")
	String detail(@PathVariable long id, @RequestParam(required = false) String tab,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (customer()) {
			return "redirect:/portal/tickets/" + id;
		}
		requireWorkspace();
		model.addAttribute("errors", Map.of());
		String page = page(model, id, tab, null, null);
		return htmx != null && tab != null ? "ticket/workspace/detail :: tab" : page;
	}

	@GetMapping("/tickets/{id:\\d+}/countdowns")
	String countdowns(@PathVariable long id, Model model) {
		access.visible(id);
		model.addAttribute("d", details.get(id));
		return "ticket/workspace/detail :: countdowns";
	}

	@PostMapping("/tickets/{id:\\d+}/{action:assign|start|pend|resume|resolve|close|reopen|reply|note|work-log|fields|major|major-update|link|unlink}")
	String act(@PathVariable long id, @PathVariable String action,
			@ModelAttribute("action") TicketPageActionForm form, Model model, RedirectAttributes redirect) {
		requireWorkspace();
		TicketPageActionForm.Numbers numbers = form.numbers();
		if (!numbers.errors().isEmpty()) {
			TicketPageRefusals.showUnreadable(model, numbers.errors());
			return page(model, id, tabOf(action), action, form);
		}
		try {
			switch (action) {
				case "assign" -> work.assign(id, numbers.groupId(), numbers.assigneeUserId(), form.comment());
				case "start" -> work.start(id);
				case "pend" -> work.pend(id, form.reason(), form.comment());
				case "resume" -> work.resume(id, form.comment());
				case "resolve" -> work.resolve(id, form.resolutionCode(), form.resolutionText());
				case "close" -> work.close(id);
				case "reopen" -> work.reopen(id, form.comment());
				case "reply" -> work.reply(id, form.body());
				case "note" -> work.note(id, form.body());
				case "work-log" -> work.logWork(id, numbers.minutes(), form.body());
				case "fields" -> work.update(id, new TicketChanges(form.subject(), blankAsEmpty(form.category()),
						blankAsEmpty(form.serviceObject()), blankAsEmpty(form.configurationItem()), numbers.impact(),
						numbers.urgency()));
				case "major" -> work.setMajor(id, "true".equals(form.major()) || "on".equals(form.major()),
						numbers.coordinatorUserId());
				case "major-update" -> work.majorUpdate(id, form.body());
				case "link" -> linking.link(id, new TicketLinkDraft(form.otherNumber(), null, form.kind()));
				default -> linking.unlink(id, numbers.otherTicketId() == null ? -1 : numbers.otherTicketId(),
						form.kind());
			}
			TicketPageRefusals.notice(redirect, "ticketui.done." + action);
			return "redirect:/tickets/" + id + "?tab=" + tabOf(action);
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return page(model, id, tabOf(action), action, form);
		}
	}

	@PostMapping("/tickets/{id:\\d+}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String internal, Model model, RedirectAttributes redirect) {
		requireWorkspace();
		try {
			AttachmentView added = uploads.attach(id, AttachmentUpload.of(file, policy.maxBytes()),
					internal != null && !"false".equalsIgnoreCase(internal));
			TicketPageRefusals.notice(redirect, "ticketui.done.attach", added.filename());
			return "redirect:/tickets/" + id + "?tab=attachments";
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return page(model, id, "attachments", "attach", TicketPageActionForm.EMPTY);
		}
	}

	/** A download for whoever sees the ticket, customers included (the portal links here too). */
	@GetMapping("/tickets/{id:\\d+}/attachments/{attachmentId:\\d+}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return AttachmentDownload.of(uploads.file(id, attachmentId));
	}

	private String page(Model model, long id, String tab, String open, TicketPageActionForm typed) {
		TicketPageDetail detail = details.get(id);
		model.addAttribute("d", detail);
		model.addAttribute("tab", tab != null && TABS.contains(tab) ? tab : "details");
		model.addAttribute("open", open);
		model.addAttribute("action", typed != null ? typed : TicketPageActionForm.EMPTY);
		model.addAttribute("current", TicketPageActionForm.of(detail.ticket()));
		List<AssignmentGroup> groups = directory.groups();
		model.addAttribute("groups", groups);
		model.addAttribute("members", directory.members(groups));
		model.addAttribute("coordinators", directory.coordinators(groups, detail.ticket().providerPartyId()));
		model.addAttribute("reasons", PendingReason.values());
		model.addAttribute("resolutionCodes", ResolutionCode.values());
		model.addAttribute("serviceObjects", ServiceObject.NAMES);
		model.addAttribute("linkKinds", LinkKind.values());
		ChangesOfTicket fixes = changes.getIfAvailable();
		model.addAttribute("fixingChanges", fixes == null ? List.of() : fixes.fixing(detail.ticket().id()));
		model.addAttribute("attachmentTypes", String.join(", ", policy.types()));
		model.addAttribute("attachmentMax", AttachmentPolicy.megabytes(policy.maxBytes()));
		model.addAttribute("mayWork", !detail.view().actions().isEmpty());
		return "ticket/workspace/detail";
	}

	/** The tab a form belongs to, so that the page opens where the person was. */
	private static String tabOf(String action) {
		return switch (action) {
			case "link", "unlink" -> "links";
			case "attach" -> "attachments";
			case "fields", "major" -> "details";
			default -> "timeline";
		};
	}

	/** A field emptied in the form clears it; the service reads {@code null} as "leave it". */
	private static String blankAsEmpty(String value) {
		return value == null ? "" : value;
	}

	private boolean customer() {
		return actors.current().partyKind() == PartyKind.CUSTOMER;
	}

	private void requireWorkspace() {
		if (!access.isAgent()) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
	}
}
