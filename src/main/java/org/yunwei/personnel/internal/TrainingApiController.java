package org.yunwei.personnel.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.personnel.internal.Training.TrainingPlanLine;
import org.yunwei.personnel.internal.Training.TrainingPlanView;
import org.yunwei.personnel.internal.Training.TrainingLine;
import org.yunwei.personnel.internal.TrainingDrafts.AttendanceDraft;
import org.yunwei.personnel.internal.TrainingDrafts.CourseDraft;
import org.yunwei.personnel.internal.TrainingDrafts.ExamDraft;
import org.yunwei.personnel.internal.TrainingDrafts.TrainingPlanDraft;
import org.yunwei.personnel.internal.TrainingDrafts.ScoresDraft;
import org.yunwei.personnel.internal.TrainingDrafts.SessionDraft;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Training", description = "培训: a provider's plans with their needs, courses, sessions, attendance, "
		+ "exams and scores, and each person's training record. PERSONNEL_READ reads the plans of one's scope, "
		+ "PERSONNEL_MANAGE keeps them; everyone reads their own record. Lists give the newest 200.")
class TrainingApiController {

	private final Training training;
	private final StaffReading reading;

	TrainingApiController(Training training, StaffReading reading) {
		this.training = training;
		this.reading = reading;
	}

	@GetMapping("/api/v1/trainings")
	@Operation(summary = "Training plans, newest year first, in keyset pages", description = "`limit` 1 to 200 (50 "
			+ "by default); pass `next` back as `cursor` for the next page.")
	org.yunwei.web.KeysetPage<TrainingPlanLine> plans(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		return training.plans(cursor, limit);
	}

	@PostMapping("/api/v1/trainings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a training plan", description = "A provider's keeper plans for their own party; "
			+ "management names the provider (`partyId`).")
	TrainingPlanView create(@RequestBody(required = false) TrainingPlanDraft draft) {
		return training.view(training.plan(draft == null ? new TrainingPlanDraft(null, null, null, null) : draft));
	}

	@GetMapping("/api/v1/trainings/{id}")
	@Operation(summary = "A plan with its courses, sessions, attendees, exams and scores")
	TrainingPlanView plan(@PathVariable long id) {
		return training.view(id);
	}

	@PostMapping("/api/v1/trainings/{id}/courses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a course")
	TrainingPlanView course(@PathVariable long id, @RequestBody(required = false) CourseDraft draft) {
		training.course(id, draft == null ? new CourseDraft(null, null, null) : draft);
		return training.view(id);
	}

	@PostMapping("/api/v1/trainings/{id}/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a session of one of the plan's courses")
	Map<String, Long> session(@PathVariable long id, @RequestBody(required = false) SessionDraft draft) {
		return Map.of("id", training.session(id, draft == null ? new SessionDraft(null, null, null, null) : draft));
	}

	@PutMapping("/api/v1/trainings/{id}/sessions/{sessionId}/attendance")
	@Operation(summary = "Record who attended a session", description = "Replaces the list; the scores of those "
			+ "who stay are kept. 400 for a staff record of another provider.")
	TrainingPlanView attendance(@PathVariable long id, @PathVariable long sessionId,
			@RequestBody(required = false) AttendanceDraft draft) {
		training.attendance(id, sessionId, draft == null ? new AttendanceDraft(null) : draft);
		return training.view(id);
	}

	@PutMapping("/api/v1/trainings/{id}/sessions/{sessionId}/exam")
	@Operation(summary = "Set the exam that ends a session: title, pass score, highest score")
	TrainingPlanView exam(@PathVariable long id, @PathVariable long sessionId, @RequestBody(required = false) ExamDraft draft) {
		training.exam(id, sessionId, draft == null ? new ExamDraft(null, null, null) : draft);
		return training.view(id);
	}

	@PutMapping("/api/v1/trainings/{id}/sessions/{sessionId}/scores")
	@Operation(summary = "Record attendees' exam scores", description = "Each score from 0 to the exam's highest, "
			+ "at most one decimal; `passed` follows from the pass score. 422 when the session has no exam.")
	TrainingPlanView scores(@PathVariable long id, @PathVariable long sessionId,
			@RequestBody(required = false) ScoresDraft draft) {
		training.scores(id, sessionId, draft == null ? new ScoresDraft(null) : draft);
		return training.view(id);
	}

	@GetMapping("/api/v1/staff/{id}/trainings")
	@Operation(summary = "A person's training record: the sessions attended, with exam results")
	List<TrainingLine> record(@PathVariable long id) {
		reading.view(id);
		return training.recordOf(id);
	}

	@GetMapping("/api/v1/staff/me/trainings")
	@Operation(summary = "My training record", description = "404 when I have no staff record.")
	List<TrainingLine> mine() {
		return training.recordOf(reading.mine().orElseThrow(() -> RejectedRequest.notFound("staff")).id());
	}
}
