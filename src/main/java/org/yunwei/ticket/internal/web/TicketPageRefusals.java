package org.yunwei.ticket.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/**
 * How the ticket pages show a refusal: each message beside its field and one line above the form. A ticket that does
 * not exist (or is out of scope) is no form mistake: it propagates to the 404 page.
 */
final class TicketPageRefusals {

	private TicketPageRefusals() {
	}

	static void show(Model model, RejectedRequest refused, Map<String, String> unreadable) {
		if (refused.status() == HttpStatus.NOT_FOUND && refused.fieldErrors().isEmpty()) {
			throw refused;
		}
		Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
		unreadable.forEach(errors::putIfAbsent);
		model.addAttribute("errors", errors);
		boolean fieldMistake = refused.status() == HttpStatus.BAD_REQUEST || refused.status() == HttpStatus.CONFLICT;
		model.addAttribute("problem", fieldMistake && !errors.isEmpty() ? "ticketui.failed" : refused.messageKey());
		model.addAttribute("problemArgs", refused.arguments());
	}

	/** Only the fields whose text was no number: nothing was sent to the service. */
	static void showUnreadable(Model model, Map<String, String> unreadable) {
		model.addAttribute("errors", unreadable);
		model.addAttribute("problem", "ticketui.failed");
		model.addAttribute("problemArgs", new Object[0]);
	}

	static void flash(RedirectAttributes redirect, RejectedRequest refused) {
		if (refused.status() == HttpStatus.NOT_FOUND && refused.fieldErrors().isEmpty()) {
			throw refused;
		}
		redirect.addFlashAttribute("problem", refused.messageKey());
		redirect.addFlashAttribute("problemArgs", refused.arguments());
	}

	static void notice(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArgs", arguments);
	}
}
