package org.yunwei.sla.internal.clock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.identity.Actors;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockSubjects;
import org.yunwei.web.FieldErrors;

/**
 * The clocks page for assessors: the response and resolution clocks of one object, each with where it stands and
 * its whole history. The same people as the API's {@code GET /api/v1/sla/clocks} may read it.
 */
@Controller
@PreAuthorize("hasAnyAuthority('SLA_REPORT', 'SLA_MANAGE')")
class ClockWebController {

	private final ClockKeeper clocks;
	private final Actors actors;
	private final List<ClockSubjects> subjects;

	ClockWebController(ClockKeeper clocks, Actors actors, List<ClockSubjects> subjects) {
		this.clocks = clocks;
		this.actors = actors;
		this.subjects = subjects;
	}

	/**
	 * The clocks of a record found by its number ({@code ?number=INC-20261206-0001}, as the ticket page links here), or
	 * named by subject type and id as the API names it.
	 */
	@GetMapping("/sla/clocks")
	String page(@RequestParam(required = false) String number, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId, Model model) {
		ClockAssessors.require(actors.current());
		String wanted = FieldErrors.clean(number);
		String type = FieldErrors.clean(subjectType);
		String id = FieldErrors.clean(subjectId);
		model.addAttribute("number", wanted);
		if (wanted != null) {
			Optional<ClockSubject> subject = subjects.stream().map(s -> s.byNumber(wanted)).flatMap(Optional::stream)
				.findFirst();
			if (subject.isEmpty()) {
				model.addAttribute("errors", Map.of("number", "clocks.number.unknown"));
				return "sla/clocks/page";
			}
			type = subject.get().type();
			id = subject.get().id();
		}
		else if (type == null || id == null) {
			// the search form alone, with a word on what to enter
			if (type != null || id != null) {
				model.addAttribute("errors", Map.of("number", "field.required"));
			}
			return "sla/clocks/page";
		}
		model.addAttribute("clocks",
				clocks.timelines(type, id, Instant.now()).stream().map(ClockCard::of).toList());
		return "sla/clocks/page";
	}
}
