package org.yunwei.evaluation.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * The rating page (满意度评价) the resolution notice links to: the ticket's resolution, five stars as radio buttons
 * and a comment, usable on a phone. Once rated it shows the rating; a failed submission shows the form again with
 * what was chosen and typed.
 */
@Controller
class SatisfactionWebController {

	private final SatisfactionSurvey survey;
	private final Tickets tickets;
	private final SatisfactionSettings settings;

	SatisfactionWebController(SatisfactionSurvey survey, Tickets tickets, SatisfactionSettings settings) {
		this.survey = survey;
		this.tickets = tickets;
		this.settings = settings;
	}

	@GetMapping("/tickets/{id}/rating")
	String page(@PathVariable long id, Model model) {
		return render(id, Map.of(), Map.of(), model);
	}

	@PostMapping("/tickets/{id}/rating")
	String rate(@PathVariable long id, @RequestParam(defaultValue = "") String score,
			@RequestParam(defaultValue = "") String comment, Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("score", score);
		form.put("comment", comment);
		try {
			survey.rate(id, parse(score), comment, true);
			redirect.addFlashAttribute("notice", "satisfaction.thanks");
			return "redirect:/tickets/" + id + "/rating";
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			if (refused.fieldErrors().isEmpty()) {
				model.addAttribute("problem", refused.messageKey());
			}
			return render(id, form, refused.fieldErrors(), model);
		}
	}

	private String render(long id, Map<String, String> form, Map<String, String> errors, Model model) {
		TicketReference ticket = survey.visible(id);
		model.addAttribute("ticket", ticket);
		model.addAttribute("rating", survey.of(id).orElse(null));
		model.addAttribute("mayRate", survey.mayRate(ticket));
		model.addAttribute("agent", tickets.isAgent());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", settings.zone());
		return "evaluation/rating";
	}

	/** A score that is not a number is out of range as far as the person is concerned. */
	private static Integer parse(String score) {
		if (score.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(score.strip());
		}
		catch (NumberFormatException notANumber) {
			return 0;
		}
	}
}
