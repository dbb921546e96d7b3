package org.yunwei.approval.internal;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actors;
import org.yunwei.identity.People;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The approver's pages: the inbox ({@code /approvals}, what waits for me and, on a second tab, what I decided), a
 * request's page with its stages and decisions, and the forms that decide, withdraw and add a co-approver.
 */
@Controller
class ApprovalWebController {

	static final ZoneId ZONE = BusinessCalendar.SHANGHAI;

	private final ApprovalReading reading;
	private final ApprovalProcess process;
	private final People people;
	private final Actors actors;
	private final DelegationRegister delegationRegister;

	ApprovalWebController(ApprovalReading reading, ApprovalProcess process, People people, Actors actors,
			DelegationRegister delegationRegister) {
		this.delegationRegister = delegationRegister;
		this.reading = reading;
		this.process = process;
		this.people = people;
		this.actors = actors;
	}

	@GetMapping("/approvals")
	String inbox(@RequestParam(required = false) String tab, @RequestParam(required = false) String cursor,
			Model model) {
		boolean decided = "decided".equals(tab);
		model.addAttribute("tab", decided ? "decided" : "waiting");
		model.addAttribute("zone", ZONE);
		KeysetPage<?> page = decided ? reading.decided(cursor, null) : reading.waiting(cursor, null);
		model.addAttribute("page", page);
		if (page.next() != null) {
			model.addAttribute("moreHref", "/approvals?tab=" + (decided ? "decided" : "waiting") + "&cursor="
					+ page.next());
		}
		return "approval/inbox";
	}

	@GetMapping("/approvals/{id}")
	String request(@PathVariable long id, Model model) {
		return render(id, Map.of(), null, "", model);
	}

	@PostMapping("/approvals/{id}/decisions")
	String decide(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		DecisionKind kind = switch (decision) {
			case "APPROVE" -> DecisionKind.APPROVE;
			case "REJECT" -> DecisionKind.REJECT;
			case "RETURN" -> DecisionKind.RETURN;
			default -> null;
		};
		try {
			process.decide(id, kind, reason);
			redirect.addFlashAttribute("notice", "approval.decided." + kind.name());
			return "redirect:/approvals/" + id;
		}
		catch (RejectedRequest refused) {
			return refusedForm(id, refused, reason, model);
		}
	}

	@PostMapping("/approvals/{id}/withdraw")
	String withdraw(@PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			process.withdraw(id);
			redirect.addFlashAttribute("notice", "approval.withdrawn");
			return "redirect:/approvals/" + id;
		}
		catch (RejectedRequest refused) {
			return refusedForm(id, refused, "", model);
		}
	}

	@PostMapping("/approvals/{id}/co-approvers")
	String addCoApprover(@PathVariable long id, @RequestParam(required = false) Long personId, Model model,
			RedirectAttributes redirect) {
		try {
			process.addCoApprover(id, personId);
			redirect.addFlashAttribute("notice", "approval.co-approver.added");
			return "redirect:/approvals/" + id;
		}
		catch (RejectedRequest refused) {
			return refusedForm(id, refused, "", model);
		}
	}

	@GetMapping("/approvals/delegations")
	String delegations(Model model) {
		return delegationPage(Map.of(), Map.of(), model);
	}

	@PostMapping("/approvals/delegations")
	String delegate(@RequestParam(required = false) Long delegateId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String until, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect) {
		Map<String, String> form = Map.of("delegateId", delegateId == null ? "" : delegateId.toString(), "from", from,
				"until", until, "reason", reason);
		try {
			delegationRegister.give(delegateId, localTime(from, "from"), localTime(until, "until"), reason);
			redirect.addFlashAttribute("notice", "approval.delegation.saved");
			return "redirect:/approvals/delegations";
		}
		catch (RejectedRequest refused) {
			if (refused.fieldErrors().isEmpty()) {
				throw refused;
			}
			return delegationPage(form, refused.fieldErrors(), model);
		}
	}

	@PostMapping("/approvals/delegations/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		delegationRegister.revoke(id);
		redirect.addFlashAttribute("notice", "approval.delegation.revoked-now");
		return "redirect:/approvals/delegations";
	}

	private String delegationPage(Map<String, String> form, Map<String, String> errors, Model model) {
		java.util.List<Delegation> list = delegationRegister.mine();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		list.forEach(d -> {
			ids.add(d.delegatorId());
			ids.add(d.delegateId());
		});
		model.addAttribute("names", people.findAll(ids).stream()
			.collect(java.util.stream.Collectors.toMap(org.yunwei.identity.Person::id,
					org.yunwei.identity.Person::displayName)));
		model.addAttribute("delegations", list);
		model.addAttribute("me", actors.current().userId());
		model.addAttribute("colleagues", people.ofParty(actors.current().partyId(), 500)
			.stream()
			.filter(p -> p.id() != actors.current().userId())
			.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", ZONE);
		model.addAttribute("now", java.time.Instant.now());
		return "approval/delegations";
	}

	/** A {@code datetime-local} value in the installation's zone; blank is none. */
	private static java.time.Instant localTime(String value, String field) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw RejectedRequest.invalidField(field, "field.malformed");
		}
	}

	private String refusedForm(long id, RejectedRequest refused, String reason, Model model) {
		if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN
				&& refused.fieldErrors().isEmpty() && !"approval.not-an-approver".equals(refused.messageKey())) {
			throw refused;
		}
		return render(id, refused.fieldErrors(), refused.fieldErrors().isEmpty() ? refused.messageKey() : null,
				reason, model);
	}

	private String render(long id, Map<String, String> errors, String problem, String reason, Model model) {
		RequestView view = reading.view(id);
		model.addAttribute("request", view);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("reason", reason);
		model.addAttribute("zone", ZONE);
		if (view.mayDecide()) {
			model.addAttribute("colleagues", people.ofParty(actors.current().partyId(), 500));
		}
		return "approval/request";
	}
}
