package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.change.internal.ChangeRequest.AffectedItem;
import org.yunwei.change.internal.ChangeRequest.PlanStep;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/** The change request's own rules, without a database. */
class ChangeRequestTests {

	private static final Instant START = Instant.parse("2099-03-01T02:00:00Z");

	private static ChangeContent content(String category, String rollback, Instant start, Instant end) {
		FieldErrors errors = new FieldErrors();
		ChangeContent content = ChangeContent.read("升级", "必要", "原因", category, "APPLICATION", List.of(1L),
				List.of(new ChangeContent.StepDraft("部署", 7L)), rollback, start, end, errors);
		errors.throwIfAny();
		return content;
	}

	private static ChangeRequest draft(String category, String rollback) {
		ChangeContent content = content(category, rollback, START, START.plusSeconds(3600));
		return ChangeRequest.draft("CHG-1", content, List.of(new AffectedItem(1, "服务器", "物理服务器")), List.of(),
				List.of(new PlanStep(1, "部署", 7, "张三", null, null, null)),
				RiskAssessment.none(content.category()), 7, 3L);
	}

	@Test
	void aPlannedEndNotAfterItsStartIsRefused() {
		FieldErrors errors = new FieldErrors();
		ChangeContent.read("升级", "必要", "原因", "NORMAL", "APPLICATION", List.of(1L), List.of(), null, START, START,
				errors);
		assertThat(errors.asMap()).containsEntry("plannedEnd", "change.planned.end-before-start");
	}

	@Test
	void aChangeWithoutARollbackPlanCannotBeSubmittedOrImplemented() {
		ChangeRequest change = draft("NORMAL", null);
		assertThatThrownBy(change::requireSubmittable).isInstanceOfSatisfying(RejectedRequest.class,
				refused -> assertThat(refused.fieldErrors()).containsKey("rollbackPlan"));
		assertThat(change.status()).isEqualTo(ChangeStatus.DRAFT);
	}

	@Test
	void anEmergencyChangeInAFreezeWindowIsApprovedOnlyWithItsOverride() {
		ChangeRequest change = draft("EMERGENCY", "回退");
		change.requireSubmittable();
		String hash = change.contentHash();
		change.submitted(1, 10, 11L, hash, START);
		assertThat(change.awaits(hash)).isTrue();
		assertThat(change.granted(false, START)).isFalse();
		assertThat(change.status()).isEqualTo(ChangeStatus.SUBMITTED);
		assertThat(change.granted(true, START)).isTrue();
		assertThat(change.status()).isEqualTo(ChangeStatus.APPROVED);
	}

	@Test
	void anEditChangesTheHashSoThatAnApprovalOfTheOldContentNoLongerHolds() {
		ChangeRequest change = draft("NORMAL", "回退");
		String before = change.contentHash();
		change.submitted(1, 10, null, before, START);
		boolean again = change.edit(content("NORMAL", "回退并恢复备份", START, START.plusSeconds(7200)),
				change.items(), List.of(), change.steps(), change.assessment());
		assertThat(again).isTrue();
		assertThat(change.contentHash()).isNotEqualTo(before);
		assertThat(change.awaits(before)).isFalse();
		assertThatThrownBy(() -> change.start(START)).isInstanceOf(RejectedRequest.class);
	}
}
