package org.yunwei.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/**
 * How the administration pages show a refused form: the messages beside the fields, one line above the form saying
 * what went wrong. An unknown or out-of-scope record is not a form mistake: it propagates to the 404 page.
 */
final class AdminForms {

	private AdminForms() {
	}

	/** Puts the refusal on the page that is rendered again with what the person typed. */
	static void showRefusal(Model model, RejectedRequest refused) {
		rethrowIfNotFound(refused);
		model.addAttribute("errors", refused.fieldErrors());
		model.addAttribute("problem", summary(refused));
	}

	/** Puts the refusal of an action (disable, unlock, …) on the page the person is sent back to. */
	static void flashRefusal(RedirectAttributes redirect, RejectedRequest refused) {
		rethrowIfNotFound(refused);
		redirect.addFlashAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
				: refused.fieldErrors().values().iterator().next());
	}

	static Map<String, String> noErrors() {
		return new LinkedHashMap<>();
	}

	private static String summary(RejectedRequest refused) {
		if (refused.status() == HttpStatus.BAD_REQUEST || refused.status() == HttpStatus.CONFLICT) {
			return "directory.failed";
		}
		return refused.fieldErrors().isEmpty() ? refused.messageKey() : refused.fieldErrors().values().iterator().next();
	}

	private static void rethrowIfNotFound(RejectedRequest refused) {
		if (refused.status() == HttpStatus.NOT_FOUND) {
			throw refused;
		}
	}
}
