package org.yunwei.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.internal.ApprovalDecisions;
import org.yunwei.approval.internal.Decision;
import org.yunwei.approval.internal.ApprovalPolicies;
import org.yunwei.approval.internal.ApprovalProcess;
import org.yunwei.approval.internal.ApprovalRequest;
import org.yunwei.approval.internal.ApprovalRequests;
import org.yunwei.approval.internal.ApprovalInbox;
import org.yunwei.identity.Actors;

/**
 * What other modules may ask of approvals: open a request for a subject at one version, read the latest request of a
 * subject, withdraw it, and the policies to pick from. The outcome arrives as an event.
 */
@Service
public class Approvals {

	/**
	 * The subject type a service report (服务报告) is approved under: the register reads these requests as the
	 * evidence of 7.1.2b 服务报告审批流程.
	 */
	public static final String SERVICE_REPORT = "service-report";

	/**
	 * The subject type a security assessment or measure (安全管理) is approved under: the register reads these requests
	 * as the evidence of 7.7.2c 安全管理审批流程.
	 */
	public static final String SECURITY_ASSESSMENT = "security-assessment";


	private final ApprovalProcess process;
	private final ApprovalRequests requests;
	private final ApprovalPolicies policies;
	private final ApprovalInbox inbox;
	private final Actors actors;
	private final ApprovalDecisions decisions;

	Approvals(ApprovalProcess process, ApprovalRequests requests, ApprovalPolicies policies, ApprovalInbox inbox,
			Actors actors, ApprovalDecisions decisions) {
		this.decisions = decisions;
		this.process = process;
		this.requests = requests;
		this.policies = policies;
		this.inbox = inbox;
		this.actors = actors;
	}

	/**
	 * Opens a request for the signed-in person as requester; publishes {@link ApprovalRequested}. An open request of
	 * the same subject type and id with another hash ends as {@link ApprovalOutcome#SUPERSEDED}.
	 *
	 * @throws org.yunwei.web.RejectedRequest 422 for an unknown or retired policy, a blank summary, a link not
	 *         starting with "/"
	 */
	public ApprovalState request(ApprovalAsk ask) {
		return process.open(ask);
	}

	/**
	 * The latest request of a subject (any hash), if any. The module that owns the subject decides who may see it;
	 * this answers for any signed-in caller (or none, for a module's listener or scheduled job).
	 */
	@Transactional(readOnly = true)
	public Optional<ApprovalState> latest(String subjectType, long subjectId) {
		return requests.latest(subjectType, subjectId).map(ApprovalRequest::state);
	}

	/** The requester withdraws their open request; publishes {@link ApprovalWithdrawn}. */
	public ApprovalState withdraw(long requestId) {
		return process.withdraw(requestId);
	}

	/**
	 * Who decided a request, in the order they decided (a person once per decision): on a granted request, the
	 * approvers of its stages, for a document that names who approved it.
	 */
	@Transactional(readOnly = true)
	public List<Long> decidedBy(long requestId) {
		return decisions.of(requestId).stream().map(Decision::deciderId).toList();
	}

	/** Active policies for pickers, by name. */
	@Transactional(readOnly = true)
	public List<ApprovalPolicyChoice> policies() {
		return policies.all()
			.stream()
			.filter(p -> !p.retired())
			.map(p -> new ApprovalPolicyChoice(p.id(), p.name()))
			.toList();
	}

	/**
	 * The built-in policy every installation has (one stage: the requester's unit lead), for modules that have not
	 * been told which policy to use.
	 */
	@Transactional(readOnly = true)
	public long defaultPolicyId() {
		return policies.builtInId();
	}

	/**
	 * How many requests wait for the signed-in person's decision (as approver, post backup or delegate): the home
	 * page's count.
	 */
	@Transactional(readOnly = true)
	public long waitingForMe() {
		return inbox.waitingCount(actors.current().userId());
	}
}
