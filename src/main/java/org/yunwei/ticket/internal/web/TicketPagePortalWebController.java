package org.yunwei.ticket.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.yunwei.catalog.CatalogService;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.attachment.AttachmentPolicy;
import org.yunwei.ticket.internal.attachment.AttachmentUpload;
import org.yunwei.ticket.internal.attachment.AttachmentUploads;
import org.yunwei.ticket.internal.attachment.AttachmentView;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.ticket.internal.list.TicketSearch;
import org.yunwei.ticket.internal.list.TicketSummary;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.work.TicketWork;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The customer portal (服务门户): submit a request about a service of the catalogue, follow "my tickets", reply,
 * confirm a resolution or reopen it, attach files. Laid out for a phone first. Agents are sent to their workspace.
 */
@Controller
class TicketPagePortalWebController {

	private static final int RECENT = 5;

	private final Actors actors;
	private final TicketPageDirectory directory;
	private final TicketPageSubmission submission;
	private final TicketPageDetails details;
	private final TicketSearch search;
	private final TicketWork work;
	private final AttachmentUploads uploads;
	private final AttachmentPolicy policy;
	private final java.time.ZoneId zone;

	TicketPagePortalWebController(Actors actors, TicketPageDirectory directory, TicketPageSubmission submission,
			TicketPageDetails details, TicketSearch search, TicketWork work, AttachmentUploads uploads,
			AttachmentPolicy policy, TicketSettings settings) {
		this.zone = settings.zone();
		this.actors = actors;
		this.directory = directory;
		this.submission = submission;
		this.details = details;
		this.search = search;
		this.work = work;
		this.uploads = uploads;
		this.policy = policy;
	}

	@GetMapping("/portal")
	String home(@RequestParam(required = false) String q, Model model) {
		if (!customer()) {
			return "redirect:/tickets";
		}
		String text = FieldErrors.clean(q);
		List<CatalogService> services = directory.orderable().stream()
			.filter(s -> text == null || contains(s.name(), text) || contains(s.code(), text))
			.toList();
		KeysetPage<TicketSummary> recent = search.list(TicketQuery.of(null, null, null, null, null, null, null, null,
				null, null, actors.current().userId(), null, null, RECENT, null));
		model.addAttribute("services", services);
		model.addAttribute("q", text);
		model.addAttribute("recent", recent.items());
		model.addAttribute("names", directory.names(recent.items()));
		return "ticket/portal/home";
	}

	@GetMapping("/portal/tickets/new")
	String newTicket(@RequestParam(required = false) Long serviceId, Model model) {
		if (!customer()) {
			return "redirect:/tickets/new";
		}
		model.addAttribute("errors", Map.of());
		return form(model, TicketPageDraftForm.forService(serviceId));
	}

	@PostMapping("/portal/tickets")
	String submit(@ModelAttribute("form") TicketPageDraftForm form,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		requireCustomer();
		TicketPageDraftForm.Parsed parsed = form.parse();
		if (!parsed.errors().isEmpty()) {
			TicketPageRefusals.showUnreadable(model, parsed.errors());
			return form(model, form);
		}
		try {
			TicketRow created = submission.submit(parsed.draft(), true, AttachmentUpload.of(file, policy.maxBytes()));
			TicketPageRefusals.notice(redirect, "ticketui.portal.submitted", created.number());
			return "redirect:/portal/tickets/" + created.id();
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return form(model, form);
		}
	}

	@GetMapping("/portal/tickets")
	String mine(@RequestParam(required = false) String status, @RequestParam(required = false) String whose,
			@RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
			@RequestParam(required = false) String cursor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (!customer()) {
			return "redirect:/tickets";
		}
		String shown = status == null || status.isBlank() ? "" : status;
		boolean unit = "unit".equals(whose);
		KeysetPage<TicketSummary> page;
		Map<String, String> filterErrors = Map.of();
		try {
			page = search.list(TicketQuery.of(shown, null, null, null, null, null, null, null, null, null,
					unit ? null : actors.current().userId(), null, null, 20, cursor,
					new TicketQuery.Narrowing(createdFrom, createdTo, null, null, null, null, null, null, null, null, null),
					zone));
		}
		catch (RejectedRequest refused) {
			page = new KeysetPage<>(List.of(), null);
			filterErrors = refused.fieldErrors();
		}
		model.addAttribute("filterErrors", filterErrors);
		model.addAttribute("createdFrom", FieldErrors.clean(createdFrom));
		model.addAttribute("createdTo", FieldErrors.clean(createdTo));
		model.addAttribute("page", page);
		model.addAttribute("names", directory.names(page.items()));
		model.addAttribute("status", shown);
		model.addAttribute("whose", unit ? "unit" : "mine");
		if (htmx != null && cursor != null) {
			return "ticket/portal/list :: rows";
		}
		return "ticket/portal/list";
	}

	@GetMapping("/portal/tickets/{id}")
	String detail(@PathVariable long id, Model model) {
		if (!customer()) {
			return "redirect:/tickets/" + id;
		}
		model.addAttribute("errors", Map.of());
		return detail(model, id, null, TicketPageActionForm.EMPTY);
	}

	@PostMapping("/portal/tickets/{id}/{action:reply|confirm|reopen}")
	String act(@PathVariable long id, @PathVariable String action,
			@ModelAttribute("action") TicketPageActionForm form, Model model, RedirectAttributes redirect) {
		requireCustomer();
		try {
			switch (action) {
				case "reply" -> work.reply(id, form.body());
				case "confirm" -> work.confirm(id);
				default -> work.reopen(id, form.comment());
			}
			TicketPageRefusals.notice(redirect, "ticketui.done." + action);
			return "redirect:/portal/tickets/" + id;
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return detail(model, id, action, form);
		}
	}

	@PostMapping("/portal/tickets/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		requireCustomer();
		try {
			AttachmentView added = uploads.attach(id, AttachmentUpload.of(file, policy.maxBytes()));
			TicketPageRefusals.notice(redirect, "ticketui.done.attach", added.filename());
			return "redirect:/portal/tickets/" + id;
		}
		catch (RejectedRequest refused) {
			TicketPageRefusals.show(model, refused, Map.of());
			return detail(model, id, "attach", TicketPageActionForm.EMPTY);
		}
	}

	@GetMapping("/portal/tickets/{id}/countdown")
	String countdown(@PathVariable long id, Model model) {
		TicketPageDetail detail = details.get(id);
		model.addAttribute("d", detail);
		return "ticket/portal/detail :: countdown";
	}

	private String detail(Model model, long id, String open, TicketPageActionForm form) {
		model.addAttribute("d", details.get(id));
		model.addAttribute("open", open);
		model.addAttribute("action", form);
		limits(model);
		return "ticket/portal/detail";
	}

	private String form(Model model, TicketPageDraftForm form) {
		List<CatalogService> services = directory.orderable();
		model.addAttribute("form", form);
		model.addAttribute("services", services);
		model.addAttribute("service", services.stream().filter(s -> form.is(form.serviceId(), s.id())).findFirst()
			.orElse(null));
		model.addAttribute("types", TicketType.values());
		limits(model);
		return "ticket/portal/new";
	}

	private void limits(Model model) {
		model.addAttribute("attachmentTypes", String.join(", ", policy.types()));
		model.addAttribute("attachmentMax", AttachmentPolicy.megabytes(policy.maxBytes()));
		model.addAttribute("attachmentAccept", policy.types().stream().map(t -> "." + t)
			.collect(java.util.stream.Collectors.joining(",")));
	}

	private boolean customer() {
		Actor actor = actors.current();
		return actor.partyKind() == PartyKind.CUSTOMER;
	}

	private void requireCustomer() {
		if (!customer()) {
			throw RejectedRequest.forbidden("ticketui.portal.customers-only");
		}
	}

	private static boolean contains(String value, String text) {
		return value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
	}
}
