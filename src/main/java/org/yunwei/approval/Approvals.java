package org.yunwei.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What other modules may ask of approvals: open a request for a subject at one version, read the latest request of a
 * subject, withdraw it, and the policies to pick from. The outcome arrives as an event.
 */
@Service
public class Approvals {

	/**
	 * Opens a request for the signed-in person as requester; publishes {@link ApprovalRequested}. An open request of
	 * the same subject type and id with another hash ends as {@link ApprovalOutcome#SUPERSEDED}.
	 *
	 * @throws org.yunwei.web.RejectedRequest 422 for an unknown or retired policy, a blank summary, a link not
	 *         starting with "/"
	 */
	public ApprovalState request(ApprovalAsk ask) {
		throw new UnsupportedOperationException("the approval core follows in the next commit");
	}

	/** The latest request of a subject (any hash), if any. */
	public Optional<ApprovalState> latest(String subjectType, long subjectId) {
		throw new UnsupportedOperationException("the approval core follows in the next commit");
	}

	/** The requester withdraws their open request; publishes {@link ApprovalWithdrawn}. */
	public ApprovalState withdraw(long requestId) {
		throw new UnsupportedOperationException("the approval core follows in the next commit");
	}

	/** Active policies for pickers, by name. */
	public List<ApprovalPolicyChoice> policies() {
		throw new UnsupportedOperationException("the approval core follows in the next commit");
	}

	/**
	 * The built-in policy every installation has (one stage: the requester's unit lead), for modules that have not
	 * been told which policy to use.
	 */
	public long defaultPolicyId() {
		throw new UnsupportedOperationException("the approval core follows in the next commit");
	}
}
