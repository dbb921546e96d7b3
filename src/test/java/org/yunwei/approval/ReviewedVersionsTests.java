package org.yunwei.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yunwei.approval.ReviewedVersions.Stage;
import org.yunwei.web.RejectedRequest;

/** The stages of a record whose versions take effect once approved, and the record's own refusals. */
class ReviewedVersionsTests {

	@Test
	void aVersionTakesEffectOnlyOnItsGrantAndStaysInForceWhileARevisionIsReviewed() {
		ReviewedVersions review = ReviewedVersions.draft("emergency.plan");
		assertThatRefused(() -> review.approve(10), "emergency-plan-not-approved", "emergency.plan.not-approved");
		review.submit(10);
		assertThatRefused(review::revise, "emergency-plan-not-editable", "emergency.plan.not-editable");
		assertThatRefused(() -> review.approve(11), "emergency-plan-not-approved", "emergency.plan.not-approved");
		assertThat(review.approve(10)).isNull();
		assertThat(review.inForce()).isTrue();

		review.revise();
		review.submit(11);
		review.notApproved(11, "步骤不完整");
		assertThat(review.stage()).isEqualTo(Stage.DRAFT);
		assertThat(review.returnReason()).isEqualTo("步骤不完整");
		assertThat(review.inForceVersionId()).isEqualTo(10L);

		review.submit(12);
		assertThat(review.returnReason()).isNull();
		assertThat(review.approve(12)).isEqualTo(10L);
		assertThatRefused(() -> review.notApproved(12, "晚到的驳回"), "emergency-plan-not-in-review",
				"emergency.plan.not-in-review");
	}

	@Test
	void retirementIsRefusedUnderReviewOnceRetiredAndWhereAskedBeforeAnyVersionWasInForce() {
		ReviewedVersions never = ReviewedVersions.draft("knowledge.article");
		assertThatRefused(() -> never.retire(true), "knowledge-article-not-retirable", "knowledge.article.not-retirable");
		never.retire(false);
		assertThat(never.stage()).isEqualTo(Stage.RETIRED);
		assertThatRefused(never::revise, "knowledge-article-not-editable", "knowledge.article.not-editable");
		assertThatRefused(() -> never.submit(1), "knowledge-article-not-draft", "knowledge.article.not-draft");

		ReviewedVersions reviewed = ReviewedVersions.draft("knowledge.article");
		reviewed.submit(1);
		assertThatRefused(() -> reviewed.retire(false), "knowledge-article-not-retirable",
				"knowledge.article.not-retirable");
		reviewed.approve(1);
		reviewed.retire(true);
		assertThat(reviewed.inForce()).isFalse();
	}

	private static void assertThatRefused(Runnable transition, String type, String message) {
		assertThatThrownBy(transition::run).isInstanceOfSatisfying(RejectedRequest.class, refused -> {
			assertThat(refused.type()).isEqualTo(type);
			assertThat(refused.messageKey()).isEqualTo(message);
		});
	}
}
