package org.yunwei.web;

import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a page does with a submitted form: save it and go on with a notice, or, when the save is refused, show the
 * form again with what was typed, the page's problem message and each refused field's message beside it. A record
 * that is not there (404) is the page's answer, not a form mistake.
 */
public final class FormSubmission {

	private FormSubmission() {
	}

	/**
	 * @param save the write, which throws {@link RejectedRequest} to refuse
	 * @param next where to go after saving, e.g. {@code /tickets/routing}
	 * @param savedNotice the message key of the notice shown there
	 * @param failedProblem the message key shown above the form shown again
	 * @param showAgain the page with the form as typed, given the refused fields' message keys
	 */
	public static String save(Runnable save, String next, String savedNotice, RedirectAttributes redirect,
			String failedProblem, Model model, Function<Map<String, String>, String> showAgain) {
		try {
			save.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", failedProblem);
			return showAgain.apply(refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", savedNotice);
		return "redirect:" + next;
	}
}
