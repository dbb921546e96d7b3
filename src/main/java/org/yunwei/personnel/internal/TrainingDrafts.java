package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the training forms and the API submit. */
final class TrainingDrafts {

	private TrainingDrafts() {
	}

	/** A training plan (培训计划) of a provider for a year, with the needs it answers. */
	public record TrainingPlanDraft(@Schema(description = "the provider party; a provider's keeper may leave it out") Long partyId,
			Integer year, String title, @Schema(description = "培训需求: what the plan answers") String needs) {
	}

	public record CourseDraft(String title,
			@Schema(description = "DOMESTIC_EQUIPMENT (国产化设备运维), CONFIDENTIALITY_LAW (保密法律法规), "
					+ "APPLICATION_OPERATION (应用系统日常管理), SECURITY_AWARENESS (安全意识) or OTHER") String category,
			BigDecimal hours) {
	}

	public record SessionDraft(Long courseId, LocalDate heldOn, String place, String trainer) {
	}

	/** The exam that ends a session: its title, the score to pass and the highest score. */
	public record ExamDraft(String title, BigDecimal passScore, BigDecimal maxScore) {
	}

	/** Who attended a session: staff records of the plan's provider; replaces the previous list. */
	public record AttendanceDraft(List<Long> staffIds) {
	}

	/** One attendee's exam score. */
	public record ScoreEntry(Long staffId, BigDecimal score) {
	}

	public record ScoresDraft(List<ScoreEntry> scores) {
	}
}
