/**
 * Approval (审批): approval policies of ordered stages, the requests other modules open for a subject at one version
 * (a content hash), the approvers' decisions, and the inbox of everything waiting for a person across modules. The
 * record of who decided what, when, on which version and why is the evidence of the 审批流程 items.
 * <p>
 * Other modules ask through the facade {@link org.yunwei.approval.Approvals} and hear how their requests ended by
 * implementing {@link org.yunwei.approval.ApprovalSubjects} for their subject type: this module receives its own events
 * ({@link org.yunwei.approval.ApprovalGranted} and the others) once and passes each decision on to that
 * implementation. It knows nothing of the modules that use it, only of the interface they implement.
 * <p>
 * Which policy a module's subject goes to by its key (a change's category and level, a release's type) is a
 * {@link org.yunwei.approval.PolicyRuleBook} that the module extends with its own table, key and messages, shown by
 * {@link org.yunwei.approval.PolicyRulePages}.
 * <p>
 * Depends on {@code identity} for who is asking, their scope, people, roles, posts, unit leads and post absences; on
 * {@code audit} to record every write in the same transaction; on {@code web} for refusals, field errors and keyset
 * pages; on {@code sla} for the business calendars a stage's time limit runs on; on {@code notification} to tell
 * approvers what waits for them; on {@code compliance} to answer 7.1.2b and 7.7.2c from its requests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval",
		allowedDependencies = { "identity", "audit", "web", "sla", "notification", "compliance" })
package org.yunwei.approval;
