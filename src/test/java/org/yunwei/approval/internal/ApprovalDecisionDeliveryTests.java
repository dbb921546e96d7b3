package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalSubjects;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * Each decision goes to the one module that owns its subject type, with the outcome and reason it needs; a subject
 * type nobody owns is passed to no one; two owners of one type stop the start.
 */
class ApprovalDecisionDeliveryTests {

	private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

	/** The decisions one subject type heard, as text. */
	static class Heard implements ApprovalSubjects {

		final String type;
		final List<String> calls = new ArrayList<>();

		Heard(String type) {
			this.type = type;
		}

		@Override
		public String subjectType() {
			return type;
		}

		@Override
		public void granted(long requestId, long subjectId, String versionHash, Instant at) {
			calls.add("granted #" + requestId + " " + subjectId + " " + versionHash + " " + at);
		}

		@Override
		public void notGranted(long requestId, long subjectId, String versionHash, ApprovalOutcome outcome,
				String reason, Instant at) {
			calls.add(outcome + " #" + requestId + " " + subjectId + " " + versionHash + " " + reason + " " + at);
		}
	}

	/** A second owner of a type, of another class, as a second module would be. */
	static final class Rival extends Heard {

		Rival(String type) {
			super(type);
		}
	}

	@Test
	void eachDecisionGoesToTheOwnerOfItsSubjectTypeOnly() {
		Heard releases = new Heard("release");
		Heard documents = new Heard("document-version");
		ApprovalDecisionDelivery delivery = new ApprovalDecisionDelivery(List.of(releases, documents));

		delivery.on(new ApprovalGranted(1, "release", 7, "h1", AT));
		delivery.on(new ApprovalRejected(2, "document-version", 8, "h2", "不符合模板", AT));
		delivery.on(new ApprovalReturned(3, "release", 9, "h3", "补充回退计划", AT));
		delivery.on(new ApprovalWithdrawn(4, "document-version", 10, "h4", AT));

		assertThat(releases.calls).containsExactly("granted #1 7 h1 " + AT, "RETURNED #3 9 h3 补充回退计划 " + AT);
		assertThat(documents.calls).containsExactly("REJECTED #2 8 h2 不符合模板 " + AT,
				"WITHDRAWN #4 10 h4 null " + AT);
		assertThat(delivery.subjectTypes()).containsExactlyInAnyOrder("release", "document-version");
	}

	@Test
	void aSubjectTypeNobodyOwnsIsPassedToNoOne() {
		Heard releases = new Heard("release");
		ApprovalDecisionDelivery delivery = new ApprovalDecisionDelivery(List.of(releases));

		delivery.on(new ApprovalGranted(1, "service-report", 7, "h1", AT));
		delivery.on(new ApprovalRejected(2, "service-report", 7, "h1", "数据有误", AT));
		delivery.on(new ApprovalReturned(3, "service-report", 7, "h1", "补充", AT));
		delivery.on(new ApprovalWithdrawn(4, "service-report", 7, "h1", AT));
		new ApprovalDecisionDelivery(List.of()).on(new ApprovalGranted(5, "release", 7, "h1", AT));

		assertThat(releases.calls).isEmpty();
	}

	@Test
	void twoOwnersOfOneSubjectTypeAreRefusedNamingBoth() {
		assertThatThrownBy(() -> new ApprovalDecisionDelivery(List.of(new Heard("release"), new Heard("change-request"),
				new Rival("release"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("\"release\"")
			.hasMessageContaining(Heard.class.getName())
			.hasMessageContaining(Rival.class.getName());
	}

	@Test
	void theApplicationDoesNotStartWithTwoOwnersOfOneSubjectType() {
		new ApplicationContextRunner().withBean(ApprovalDecisionDelivery.class)
			.withBean("releases", ApprovalSubjects.class, () -> new Heard("release"))
			.withBean("moreReleases", ApprovalSubjects.class, () -> new Rival("release"))
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("Two implementations of ApprovalSubjects for the subject type \"release\"");
			});
	}

	@Test
	void theApplicationStartsWithNoOwnerAtAll() {
		new ApplicationContextRunner().withBean(ApprovalDecisionDelivery.class)
			.run(context -> assertThat(context.getBean(ApprovalDecisionDelivery.class).subjectTypes()).isEmpty());
	}
}
