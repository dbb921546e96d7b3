/**
 * Problem management (问题管理, Hunan 7.3): a problem is opened from one or many incidents or on its own (问题收集表:
 * source, description, impact, priority, service, configuration items); its root cause is analysed; the emergency
 * plan (问题处理应急方案) must be recorded before work starts; the solution (问题解决方案) and the implementation plan
 * (问题实施方案) name an owner and dates; a known error (已知错误) carries a workaround that agents see on the linked
 * incidents; closing proposes a knowledge article from the root cause and the solution (问题纳入知识库机制), which then
 * goes through the knowledge base's 入库审批. Lifecycle: 已登记 → 分析中 → 处理中 → 已解决 → 已关闭, or 已取消.
 * <p>
 * Depends on {@code identity} for who is asking, their scope and the owners named; on {@code audit} to record every
 * write in its transaction; on {@code web} for refusals and keyset pages; on {@code ticket} for the incidents a
 * problem is linked to (through its facade, by id only); on {@code cmdb} and {@code catalog} for the configuration
 * items and service a problem concerns; on {@code sla} for its clocks where an agreement sets a target; on
 * {@code knowledge} to propose an article on closing; on {@code compliance} to give the evidence of 7.3.2a–e and
 * 9.2.2b; and on {@code dataset} to add the city's problems to the generated data. The ticket module does not depend on this one: the ticket page loads this module's box by htmx.
 * <p>
 * Events: {@link org.yunwei.problem.ProblemOpened}, {@link org.yunwei.problem.KnownErrorRecorded},
 * {@link org.yunwei.problem.ProblemClosed}, published in the transaction of the change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problems",
		allowedDependencies = { "identity", "audit", "web", "ticket", "cmdb", "catalog", "sla", "knowledge",
				"compliance", "dataset" })
package org.yunwei.problem;
