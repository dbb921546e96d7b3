package org.yunwei.problem.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yunwei.web.RejectedRequest;

/**
 * A problem and its lifecycle. The transitions are methods that refuse (409) a step from the wrong state, and (422)
 * work started without an emergency plan or a resolution without root cause and solution; they say nothing of who
 * may take them ({@link ProblemAccess}) nor persist anything ({@link ProblemRecords}).
 */
public final class Problem {

	final long id;
	final String number;
	final long partyId;
	final long orgUnitId;
	final Long customerOrgUnitId;
	ProblemStatus status;
	final ProblemCollection collection;
	String rootCause;
	String emergencyPlan;
	Instant emergencyPlanAt;
	ProblemPlan solution;
	ProblemPlan implementation;
	boolean knownError;
	String workaround;
	Instant knownErrorAt;
	String resolution;
	String cancelReason;
	Long articleId;
	Long agreementId;
	Instant resolutionDueAt;
	final long recordedBy;
	final Instant createdAt;
	Instant resolvedAt;
	Instant closedAt;

	Problem(long id, String number, long partyId, long orgUnitId, Long customerOrgUnitId, ProblemStatus status,
			ProblemCollection collection, long recordedBy, Instant createdAt) {
		this.id = id;
		this.number = number;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.customerOrgUnitId = customerOrgUnitId;
		this.status = status;
		this.collection = collection;
		this.recordedBy = recordedBy;
		this.createdAt = createdAt;
	}

	/** A new problem of the recorder's party and unit, 已登记. */
	static Problem register(String number, long partyId, long orgUnitId, Long customerOrgUnitId,
			ProblemCollection collection, long recordedBy, Instant at) {
		return new Problem(0, number, partyId, orgUnitId, customerOrgUnitId, ProblemStatus.REGISTERED, collection,
				recordedBy, at);
	}

	/** 已登记 → 分析中. */
	void startAnalysis() {
		require(List.of(ProblemStatus.REGISTERED));
		status = ProblemStatus.ANALYSING;
	}

	/** The root cause as analysed so far; while analysing or working. */
	void recordRootCause(String text) {
		require(List.of(ProblemStatus.ANALYSING, ProblemStatus.IN_PROGRESS));
		rootCause = text;
	}

	/** The emergency plan (问题处理应急方案): from registration until resolved. */
	void recordEmergencyPlan(String text, Instant at) {
		require(List.of(ProblemStatus.REGISTERED, ProblemStatus.ANALYSING, ProblemStatus.IN_PROGRESS));
		emergencyPlan = text;
		emergencyPlanAt = at;
	}

	void recordSolution(ProblemPlan plan) {
		require(List.of(ProblemStatus.ANALYSING, ProblemStatus.IN_PROGRESS));
		solution = plan;
	}

	void recordImplementation(ProblemPlan plan) {
		require(List.of(ProblemStatus.ANALYSING, ProblemStatus.IN_PROGRESS));
		implementation = plan;
	}

	/** 分析中 → 处理中; refused without an emergency plan: nobody works on a problem with no fallback. */
	void startWork() {
		require(List.of(ProblemStatus.ANALYSING));
		if (emergencyPlan == null) {
			throw RejectedRequest.unprocessable("problem-emergency-plan-missing", "problems.emergency-plan.missing");
		}
		status = ProblemStatus.IN_PROGRESS;
	}

	/** Records (or corrects) the known error and its workaround, once the problem is being analysed. */
	void recordKnownError(String workaroundText, Instant at) {
		require(List.of(ProblemStatus.ANALYSING, ProblemStatus.IN_PROGRESS, ProblemStatus.RESOLVED));
		knownError = true;
		workaround = workaroundText;
		if (knownErrorAt == null) {
			knownErrorAt = at;
		}
	}

	/** 处理中 → 已解决; refused until root cause and solution are recorded. */
	void resolve(String text, Instant at) {
		require(List.of(ProblemStatus.IN_PROGRESS));
		if (rootCause == null || solution == null) {
			throw RejectedRequest.unprocessable("problem-analysis-missing", "problems.resolve.analysis-missing");
		}
		status = ProblemStatus.RESOLVED;
		resolution = text;
		resolvedAt = at;
	}

	/** 已解决 → 已关闭. */
	void close(Instant at) {
		require(List.of(ProblemStatus.RESOLVED));
		status = ProblemStatus.CLOSED;
		closedAt = at;
	}

	/** Any state before 已关闭 → 已取消, with the reason. */
	void cancel(String reason, Instant at) {
		if (!status.open()) {
			throw wrongState();
		}
		status = ProblemStatus.CANCELLED;
		cancelReason = reason;
		closedAt = at;
	}

	/** Incidents may be linked while the problem is open. */
	void requireOpen() {
		if (!status.open()) {
			throw wrongState();
		}
	}

	private void require(List<ProblemStatus> allowed) {
		if (!allowed.contains(status)) {
			throw wrongState();
		}
	}

	private RejectedRequest wrongState() {
		return RejectedRequest.conflict("problem-wrong-state", "problems.wrong-state");
	}

	public long id() {
		return id;
	}

	public String number() {
		return number;
	}

	public long partyId() {
		return partyId;
	}

	public long orgUnitId() {
		return orgUnitId;
	}

	public Long customerOrgUnitId() {
		return customerOrgUnitId;
	}

	public ProblemStatus status() {
		return status;
	}

	public ProblemCollection collection() {
		return collection;
	}

	public String rootCause() {
		return rootCause;
	}

	public String emergencyPlan() {
		return emergencyPlan;
	}

	public Instant emergencyPlanAt() {
		return emergencyPlanAt;
	}

	public ProblemPlan solution() {
		return solution;
	}

	public ProblemPlan implementation() {
		return implementation;
	}

	public boolean knownError() {
		return knownError;
	}

	public String workaround() {
		return workaround;
	}

	public Instant knownErrorAt() {
		return knownErrorAt;
	}

	public String resolution() {
		return resolution;
	}

	public String cancelReason() {
		return cancelReason;
	}

	public Long articleId() {
		return articleId;
	}

	public Long agreementId() {
		return agreementId;
	}

	public Instant resolutionDueAt() {
		return resolutionDueAt;
	}

	public long recordedBy() {
		return recordedBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant resolvedAt() {
		return resolvedAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	/** The solution's due date, for a page; {@code null} without a solution. */
	public LocalDate solutionDue() {
		return solution == null ? null : solution.end();
	}
}
