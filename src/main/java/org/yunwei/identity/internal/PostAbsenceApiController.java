package org.yunwei.identity.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Positions.PostAbsence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/posts/{id}/absences")
@Tag(name = "Post absences", description = "岗位备份: a post's holder marked absent from when to when and why; the "
		+ "post's backup acts meanwhile (approvals addressed to the post go to the backup). Recorded with "
		+ "POST_ABSENCE_RECORD; read with POST_MANAGE, USER_READ or POST_ABSENCE_RECORD, within scope.")
class PostAbsenceApiController {

	private final Positions positions;

	PostAbsenceApiController(Positions positions) {
		this.positions = positions;
	}

	@GetMapping
	@Operation(summary = "A post's absence records, latest first")
	List<PostAbsence> list(@PathVariable long id) {
		return positions.readAbsences(id);
	}

	/** An absence as the API takes it. */
	record AbsenceForm(Instant from, Instant until, String reason) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Mark the post's holder absent for a period",
			description = "400 for a missing start, an end not after the start, or a blank reason; 422 for a post "
					+ "without holder or backup.")
	PostAbsence record(@PathVariable long id, @RequestBody AbsenceForm form) {
		return positions.recordAbsence(id, form.from(), form.until(), form.reason());
	}
}
