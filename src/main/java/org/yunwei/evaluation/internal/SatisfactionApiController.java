package org.yunwei.evaluation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.RejectedRequest;

@RestController
@Tag(name = "Satisfaction", description = "满意度评价: the customer rates a resolved ticket 1–5 with a comment, once. "
		+ "A rating at or below `yunwei.tickets.low-rating-threshold` (2) opens a follow-up service request "
		+ "(回访跟进) for the group that resolved the ticket.")
class SatisfactionApiController {

	private final SatisfactionSurvey survey;

	SatisfactionApiController(SatisfactionSurvey survey) {
		this.survey = survey;
	}

	@PostMapping("/api/v1/tickets/{id}/rating")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate a resolved or closed ticket (the customer)",
			description = "Only a person of the ticket's customer unit or a unit above it may rate; agents get 403, "
					+ "a ticket outside the caller's scope 404. 422 (`not-resolved`) before resolution, 409 "
					+ "(`already-rated`) for a second rating: a rating is final. 400 with `errors.score` for a score "
					+ "outside 1–5, `errors.comment` for a comment over 2000 characters.")
	SatisfactionRating rate(@PathVariable long id, @RequestBody RatingRequest body) {
		return survey.rate(id, body.score(), body.comment(), false);
	}

	@GetMapping("/api/v1/tickets/{id}/rating")
	@Operation(summary = "The rating of a ticket",
			description = "Anyone who may see the ticket may read it; 404 when the ticket is not rated (yet).")
	SatisfactionRating get(@PathVariable long id) {
		return survey.of(id).orElseThrow(() -> RejectedRequest.notFound("rating"));
	}

	/** A rating as submitted. */
	record RatingRequest(@Schema(description = "1 (very dissatisfied) to 5 (very satisfied)") Integer score,
			@Schema(description = "optional, up to 2000 characters") String comment) {
	}
}
