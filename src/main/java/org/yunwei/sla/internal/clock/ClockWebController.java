package org.yunwei.sla.internal.clock;

import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.identity.Actors;
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

	ClockWebController(ClockKeeper clocks, Actors actors) {
		this.clocks = clocks;
		this.actors = actors;
	}

	@GetMapping("/sla/clocks")
	String page(@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			Model model) {
		ClockAssessors.require(actors.current());
		String type = FieldErrors.clean(subjectType);
		String id = FieldErrors.clean(subjectId);
		model.addAttribute("subjectType", type);
		model.addAttribute("subjectId", id);
		if (type == null && id == null) {
			// the search form alone, with a word on what to enter
			return "sla/clocks/page";
		}
		FieldErrors errors = new FieldErrors().required("subjectType", type).required("subjectId", id);
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors.asMap());
			return "sla/clocks/page";
		}
		model.addAttribute("clocks",
				clocks.timelines(type, id, Instant.now()).stream().map(ClockCard::of).toList());
		return "sla/clocks/page";
	}
}
