package org.yunwei.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The group robots page (list, the forms, send a test message) with the outbox's state: whether e-mail is
 * configured, how much waits, and the failed deliveries with their last error and a retry button.
 */
@Controller
@RequestMapping("/admin/notification-robots")
@PreAuthorize("hasAuthority('NOTIFICATION_MANAGE')")
class RobotWebController {

	private final RobotAdministration robots;
	private final OutboxAdministration outbox;
	private final Organisations organisations;
	private final Actors actors;

	RobotWebController(RobotAdministration robots, OutboxAdministration outbox, Organisations organisations,
			Actors actors) {
		this.robots = robots;
		this.outbox = outbox;
		this.organisations = organisations;
		this.actors = actors;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("robots", robots.list());
		model.addAttribute("summary", outbox.summary());
		KeysetPage<OutboxView> failed = outbox.page("FAILED", Paging.of(null, null));
		model.addAttribute("failed", failed);
		model.addAttribute("zone", NotificationWebController.ZONE);
		return "notification/robots";
	}

	@GetMapping("/new")
	String newRobot(Model model) {
		return form(model, null, RobotForm.blank(), Map.of());
	}

	@PostMapping
	String create(@ModelAttribute RobotForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			robots.create(form.draft());
			redirect.addFlashAttribute("notice", "notification.robot.saved");
			return "redirect:/admin/notification-robots";
		}
		catch (RejectedRequest refused) {
			return refused(model, null, form, refused, binding);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		RobotView robot = robots.get(id);
		return form(model, robot, RobotForm.of(robot), Map.of());
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute RobotForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			robots.update(id, form.draft());
			redirect.addFlashAttribute("notice", "notification.robot.saved");
			return "redirect:/admin/notification-robots";
		}
		catch (RejectedRequest refused) {
			return refused(model, robots.get(id), form, refused, binding);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		robots.delete(id);
		redirect.addFlashAttribute("notice", "notification.robot.deleted");
		return "redirect:/admin/notification-robots";
	}

	@PostMapping("/{id}/test")
	String test(@PathVariable long id, RedirectAttributes redirect) {
		RobotAdministration.TestResult result = robots.test(id);
		redirect.addFlashAttribute("testedRobot", id);
		if (result.delivered()) {
			redirect.addFlashAttribute("notice", "notification.robot.test.delivered");
		}
		else {
			redirect.addFlashAttribute("testError", result.error());
		}
		return "redirect:/admin/notification-robots";
	}

	@PostMapping("/outbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		try {
			outbox.retry(id);
			redirect.addFlashAttribute("notice", "notification.outbox.retried");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/admin/notification-robots";
	}

	private String refused(Model model, RobotView robot, RobotForm form, RejectedRequest refused,
			BindingResult binding) {
		if (refused.status() == HttpStatus.NOT_FOUND) {
			throw refused;
		}
		Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "field.malformed"));
		model.addAttribute("problem", refused.status() == HttpStatus.BAD_REQUEST
				|| refused.status() == HttpStatus.CONFLICT ? "notification.robot.failed" : refused.messageKey());
		// what was typed stays, except the secret, which is never sent back to the browser
		return form(model, robot, new RobotForm(form.name(), form.kind(), form.url(), null, form.removeSecret(),
				form.topics(), form.partyId(), form.enabled()), errors);
	}

	private String form(Model model, RobotView robot, RobotForm form, Map<String, String> errors) {
		model.addAttribute("robot", robot);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", RobotKind.values());
		model.addAttribute("parties", parties(actors.scope()));
		model.addAttribute("mayChooseAll", actors.scope().partyKind() == PartyKind.MANAGEMENT);
		return "notification/robot";
	}

	private List<Party> parties(DataScope scope) {
		if (scope.partyKind() == PartyKind.MANAGEMENT || scope.partyKind() == PartyKind.SUPERVISION) {
			List<Party> all = new ArrayList<>();
			for (PartyKind kind : PartyKind.values()) {
				all.addAll(organisations.parties(kind));
			}
			return all;
		}
		return organisations.findParty(scope.partyId()).map(List::of).orElse(List.of());
	}
}
