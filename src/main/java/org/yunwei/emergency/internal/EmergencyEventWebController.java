package org.yunwei.emergency.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.emergency.OnDuty;
import org.yunwei.identity.Permission;
import org.yunwei.ticket.TicketType;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The emergency events' pages: the list, the declaration form (from a ticket's box or a plan's page, or directly), an
 * event's page with its checklist, the forms of the phases, and its timeline, which the page polls every second for
 * the entries recorded since it last looked; and the box the ticket page loads.
 */
@Controller
class EmergencyEventWebController {

	private final EmergencyEventResponse response;
	private final EmergencyEventReading reading;
	private final EmergencyPlanRecords plans;
	private final EmergencyAccess access;
	private final OnDuty onDuty;

	private final EmergencyReportReading reports;

	EmergencyEventWebController(EmergencyEventResponse response, EmergencyEventReading reading, EmergencyPlanRecords plans, EmergencyAccess access,
			OnDuty onDuty, EmergencyReportReading reports) {
		this.reports = reports;
		this.onDuty = onDuty;
		this.response = response;
		this.reading = reading;
		this.plans = plans;
		this.access = access;
	}

	@GetMapping("/emergency/events")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			Model model) {
		access.reader();
		KeysetPage<EmergencyEventReading.EventLine> page;
		try {
			page = reading.list(status, cursor, 20);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "emergency.events.filter-refused");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("status", status);
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("mayDeclare", access.may(Permission.EMERGENCY_RESPOND));
		return "emergency/events";
	}

	@GetMapping("/emergency/events/new")
	String declare(@RequestParam(required = false) Long ticketId, @RequestParam(required = false) Long planId,
			Model model) {
		access.responder();
		String title = null;
		if (ticketId != null) {
			title = reading.ticket(ticketId).map(t -> t.subject()).orElse(null);
		}
		return form(model, new EmergencyEventResponse.Declaration(title, null, null, planId, ticketId), Map.of());
	}

	@PostMapping("/emergency/events")
	String declare(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String level, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) Long ticketId, Model model, RedirectAttributes redirect) {
		access.responder();
		EmergencyEventResponse.Declaration declaration = new EmergencyEventResponse.Declaration(title, description, level, planId,
				ticketId);
		long id;
		try {
			id = response.declare(declaration);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", "emergency.event.failed");
			return form(model, declaration, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", "emergency.event.declared");
		return "redirect:/emergency/events/" + id;
	}

	@GetMapping("/emergency/events/{id}")
	String event(@PathVariable long id, Model model) {
		access.reader();
		model.addAttribute("event", reading.view(id));
		model.addAttribute("reportStatus", reports.statuses(id, EmergencyReportKind.FAULT,
				EmergencyReportKind.POST_EVENT));
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("onDuty", onDuty.forCurrentPerson().orElse(List.of()));
		model.addAttribute("mayRespond", access.may(Permission.EMERGENCY_RESPOND));
		model.addAttribute("phases", List.of(ResponsePhase.DISPATCH, ResponsePhase.DIAGNOSIS,
				ResponsePhase.COMMUNICATION, ResponsePhase.RECOVERY));
		model.addAttribute("levels", EmergencyLevel.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "emergency/event";
	}

	/**
	 * The timeline entries recorded after {@code after}, with the poller that asks for the ones after them; 204 while
	 * there are none, so that the watching page changes nothing.
	 */
	@GetMapping("/emergency/events/{id}/timeline")
	String timeline(@PathVariable long id, @RequestParam(required = false) Long after, Model model,
			HttpServletResponse response) {
		access.reader();
		long since = after == null || after < 0 ? 0 : after;
		List<EmergencyEventReading.EntryView> entries = reading.timeline(id, since);
		if (entries.isEmpty() && since > 0) {
			// no view: the response argument marks the request handled, so a null view name renders nothing
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		model.addAttribute("eventId", id);
		model.addAttribute("entries", entries);
		model.addAttribute("last", entries.isEmpty() ? since : entries.getLast().id());
		model.addAttribute("zone", EmergencyClock.ZONE);
		return "emergency/timeline :: entries";
	}

	@PostMapping("/emergency/events/{id}/steps/{stepId}/done")
	String stepDone(@PathVariable long id, @PathVariable long stepId, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect) {
		return act(id, () -> response.completeStep(id, stepId, note), "emergency.event.step.recorded", "step",
				model, redirect);
	}

	@PostMapping("/emergency/events/{id}/actions")
	String act(@PathVariable long id, @RequestParam(required = false) String phase,
			@RequestParam(required = false) String text, Model model, RedirectAttributes redirect) {
		return act(id, () -> response.act(id, phase, text), "emergency.event.action.recorded", "action", model,
				redirect);
	}

	@PostMapping("/emergency/events/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam(required = false) String level,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		return act(id, () -> response.escalate(id, level, reason), "emergency.event.escalated", "escalate", model,
				redirect);
	}

	@PostMapping("/emergency/events/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String summary, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> response.close(id, summary), "emergency.event.closed-notice", "close", model, redirect);
	}

	/** The ticket page's box: the events declared from the ticket and, for a responder, the way to declare one. */
	@GetMapping("/emergency/tickets/{ticketId}")
	String ticketBox(@PathVariable long ticketId, Model model) {
		access.reader();
		model.addAttribute("ticketId", ticketId);
		model.addAttribute("events", reading.ofTicket(ticketId));
		model.addAttribute("mayDeclare", access.may(Permission.EMERGENCY_RESPOND));
		model.addAttribute("zone", EmergencyClock.ZONE);
		// an urgent incident (P1) shows who is on duty now: the people to call first
		boolean urgent = reading.ticket(ticketId)
			.map(t -> t.type() == TicketType.INCIDENT && "P1".equals(t.priority())).orElse(false);
		model.addAttribute("onDuty", urgent ? onDuty.forCurrentPerson().orElse(null) : null);
		return "emergency/ticket-box :: box";
	}

	private String act(long id, Runnable action, String notice, String open, Model model,
			RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() || refused.status() != HttpStatus.BAD_REQUEST
					? refused.messageKey() : "emergency.event.action.failed");
			model.addAttribute("errors", refused.fieldErrors());
			model.addAttribute("open", open);
			return event(id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/emergency/events/" + id;
	}

	private String form(Model model, EmergencyEventResponse.Declaration declaration, Map<String, String> errors) {
		model.addAttribute("form", declaration);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("levels", EmergencyLevel.values());
		model.addAttribute("plans", plans.inForce(access.scope(), 200).stream()
			.map(plan -> Map.of("id", plan.id(), "title", plan.content().title())).toList());
		model.addAttribute("ticket", declaration.ticketId() == null ? null
				: reading.ticket(declaration.ticketId()).orElse(null));
		return "emergency/declare";
	}
}
