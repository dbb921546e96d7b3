package org.yunwei.approval.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalSubjects;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * Passes each decision to the module whose subject it concerns ({@link ApprovalSubjects}). The module listeners keep
 * what each subject module's own listener had: delivery after the deciding transaction committed, in a transaction
 * of its own, kept by the event publication registry until it succeeds. One publication per event now, where there
 * was one per subject module; a failure of the subject's module leaves that one publication for redelivery.
 */
@Component
class ApprovalDecisionDelivery {

	private final Map<String, ApprovalSubjects> byType;

	/** Refuses to start with two implementations of one subject type: which one a decision belongs to is unknown. */
	ApprovalDecisionDelivery(List<ApprovalSubjects> subjects) {
		Map<String, ApprovalSubjects> found = new HashMap<>();
		for (ApprovalSubjects each : subjects) {
			ApprovalSubjects other = found.putIfAbsent(each.subjectType(), each);
			if (other != null) {
				throw new IllegalStateException("Two implementations of ApprovalSubjects for the subject type \""
						+ each.subjectType() + "\": " + other.getClass().getName() + " and "
						+ each.getClass().getName() + "; each subject type belongs to one module, so keep one of them");
			}
		}
		this.byType = Map.copyOf(found);
	}

	/** The subject types decisions are passed on for. */
	Set<String> subjectTypes() {
		return byType.keySet();
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		ApprovalSubjects subjects = byType.get(event.subjectType());
		if (subjects != null) {
			subjects.granted(event.requestId(), event.subjectId(), event.versionHash(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalRejected event) {
		ApprovalSubjects subjects = byType.get(event.subjectType());
		if (subjects != null) {
			subjects.notGranted(event.requestId(), event.subjectId(), event.versionHash(), ApprovalOutcome.REJECTED,
					event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalReturned event) {
		ApprovalSubjects subjects = byType.get(event.subjectType());
		if (subjects != null) {
			subjects.notGranted(event.requestId(), event.subjectId(), event.versionHash(), ApprovalOutcome.RETURNED,
					event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalWithdrawn event) {
		ApprovalSubjects subjects = byType.get(event.subjectType());
		if (subjects != null) {
			subjects.notGranted(event.requestId(), event.subjectId(), event.versionHash(), ApprovalOutcome.WITHDRAWN,
					null, event.at());
		}
	}
}
