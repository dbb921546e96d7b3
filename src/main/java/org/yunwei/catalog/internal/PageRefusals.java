package org.yunwei.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/**
 * How the catalogue's pages show a refused form: the messages beside the fields and one line above the form. An
 * unknown record is not a form mistake: it propagates to the 404 page.
 */
final class PageRefusals {

	private PageRefusals() {
	}

	/** Puts the refusal, with any fields that were not even readable, on the page rendered again. */
	static void show(Model model, RejectedRequest refused, Map<String, String> unreadable) {
		if (refused.status() == HttpStatus.NOT_FOUND) {
			throw refused;
		}
		Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
		errors.putAll(unreadable);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", refused.status() == HttpStatus.BAD_REQUEST || refused.status() == HttpStatus.CONFLICT
				? "catalog.failed" : refused.messageKey());
	}

	/** Puts the refusal of an action (disable, enable) on the page the person is sent back to. */
	static void flash(RedirectAttributes redirect, RejectedRequest refused) {
		if (refused.status() == HttpStatus.NOT_FOUND) {
			throw refused;
		}
		redirect.addFlashAttribute("problem", refused.messageKey());
	}

	/** Fields of a bound form whose text could not be converted, e.g. letters for a number. */
	static Map<String, String> unreadable(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "field.number"));
		return errors;
	}
}
