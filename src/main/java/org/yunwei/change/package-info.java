/**
 * Change management (变更管理, Hunan 7.5): change requests from the collection of their necessity and reason
 * (变更信息收集) through the risk and impact assessment (变更评估报告, computed from the CMDB's impact analysis, the
 * items' criticality and their change history, editable with a justification), the implementation plan with steps
 * and owners (变更实施方案), the rollback plan (变更应急方案), the approval (变更审批流程, through the approval module
 * under a policy chosen from category and risk), the implementation with actual times and step results, the outcome
 * and the post-implementation review.
 * <p>
 * It owns the tables {@code change_request}, {@code change_number_counter} and {@code change_approval_rule}. Other
 * modules see changes through {@link org.yunwei.change.ChangeRequests} and hear of them through
 * {@link org.yunwei.change.ChangeApproved}, {@link org.yunwei.change.ChangeImplemented} and
 * {@link org.yunwei.change.ChangeClosed}.
 * <p>
 * Depends on {@code identity} for who is asking, their permissions, scope and the people who own plan steps; on
 * {@code cmdb} for the affected items, their lifecycle and impact analysis (the CMDB does not depend on changes: a
 * CI's page shows its changes through a box this module serves); on {@code approval} for the approval and its
 * decision events; on {@code audit} to record every write in the same transaction; on {@code web} for refusals,
 * field errors, keyset pages and forms; on {@code compliance} to report its records as the evidence of 7.5.2a–e; and on
 * {@code ticket} and {@code problem} for the incidents and problems a change fixes (it implements their
 * {@code ChangesOfTicket} and {@code ChangesOfProblem}, so that neither depends on this module); on {@code sla} for
 * the clocks of changes whose SLA rule sets them (approval time, implementation window), and on {@code notification}
 * to tell the people of a change when one of its clocks warns or is breached; and on {@code dataset} to add its
 * changes to the city generator ({@code ChangeDataset}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Change management",
		allowedDependencies = { "identity", "cmdb", "approval", "audit", "web", "compliance", "ticket",
				"problem", "sla", "notification", "dataset" })
package org.yunwei.change;
