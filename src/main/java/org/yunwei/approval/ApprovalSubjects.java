package org.yunwei.approval;

import java.time.Instant;

/**
 * The records of one subject type that a module submits for approval, told how each request on them ended. A module
 * that asks approvals under a subject type implements this once for that type (as a Spring bean); the approval module
 * receives its own events once and passes each decision to the one implementation of the event's subject type, so
 * that no module listens to approval events and filters out the others' subjects. A subject type nobody implements
 * (a service report's, whose requests are only read as evidence) is passed to no one; two implementations of one type
 * stop the application at start-up.
 * <p>
 * A decision arrives after the transaction that decided committed, in a transaction of its own, and again after a
 * failure or a restart (the event publication registry keeps it until it was delivered): an implementation must
 * change nothing when its subject no longer waits for a decision at this version hash (delivered twice, edited since,
 * or deleted).
 */
public interface ApprovalSubjects {

	/**
	 * The subject type these records are asked under, as in {@link ApprovalSubject#type()}, e.g. {@code "release"}.
	 */
	String subjectType();

	/**
	 * Every stage that applied approved the subject at this version ({@link ApprovalGranted}).
	 *
	 * @param requestId the request that ended so, for a module that keeps it with its record
	 * @param at when the last approval was given
	 */
	void granted(long requestId, long subjectId, String versionHash, Instant at);

	/**
	 * The request for the subject at this version ended without a grant: rejected ({@link ApprovalRejected}),
	 * returned for changes ({@link ApprovalReturned}) or withdrawn by its requester ({@link ApprovalWithdrawn}).
	 *
	 * @param requestId the request that ended so, for a module that keeps it with its record
	 * @param outcome {@link ApprovalOutcome#REJECTED}, {@link ApprovalOutcome#RETURNED} or
	 *        {@link ApprovalOutcome#WITHDRAWN}
	 * @param reason the approver's reason; {@code null} for a withdrawal
	 * @param at when the request ended
	 */
	void notGranted(long requestId, long subjectId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at);
}
