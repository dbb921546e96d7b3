package org.yunwei.sla.internal.clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Actors;
import org.yunwei.sla.internal.clock.ClockKeeper.Timeline;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/sla/clocks")
@Tag(name = "SLA clocks", description = "SLA 计时: the state and full history of the response and resolution clocks "
		+ "of an object, for assessors; recomputing clocks after a calendar or agreement correction")
class ClockApiController {

	private final ClockKeeper clocks;
	private final Actors actors;

	ClockApiController(ClockKeeper clocks, Actors actors) {
		this.clocks = clocks;
		this.actors = actors;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('SLA_REPORT', 'SLA_MANAGE')")
	@Operation(summary = "The clocks of an object, each with its state now and its timeline (SLA_REPORT or "
			+ "SLA_MANAGE, management and supervision only)", description = "An empty list when the object has no clock. The timeline lists every "
					+ "start, pause, resume, stop, target change, threshold, breach and repair in order.")
	List<Timeline> clocks(
			@Parameter(example = "ticket", required = true) @RequestParam(required = false) String subjectType,
			@Parameter(example = "123", required = true) @RequestParam(required = false) String subjectId) {
		ClockAssessors.require(actors.current());
		if (subjectType == null || subjectType.isBlank()) {
			throw RejectedRequest.invalidField("subjectType", "problem.sla-clock.subject-required");
		}
		if (subjectId == null || subjectId.isBlank()) {
			throw RejectedRequest.invalidField("subjectId", "problem.sla-clock.subject-required");
		}
		return clocks.timelines(subjectType, subjectId, Instant.now());
	}

	@PostMapping("/repair")
	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	@Operation(summary = "Recompute clocks from their histories (SLA_MANAGE)", description = "After a calendar or "
			+ "agreement correction: all clocks, or those of one calendar. Answers how many were recomputed; "
			+ "thresholds that fall due by the new reckoning are raised within seconds.")
	Map<String, Integer> repair(@Parameter(example = "3", description = "only clocks on this calendar; default: all")
	@RequestParam(required = false) Long calendarId) {
		return Map.of("recomputed", clocks.repair(calendarId));
	}
}
