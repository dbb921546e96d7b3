/**
 * Inspections (巡检, Hunan 5.6.1, 9.2; GZ 8.1.2): checklist templates for a class of configuration items, a place or
 * an application system, kept in versions; plans that name a template, a schedule (daily, weekly, monthly, on the
 * working days of a business calendar with its holidays and 调休 workdays, or on every day), targets and a rota of
 * assignees; the tasks the plans generate once per cluster; the escalation of overdue tasks to the plan's owner.
 * <p>
 * It owns the tables {@code inspection_template}, {@code inspection_template_version}, {@code inspection_plan},
 * {@code inspection_plan_target}, {@code inspection_plan_assignee} and {@code inspection_task}. Other modules hear of
 * overdue tasks through {@link org.yunwei.inspection.InspectionTaskOverdue}.
 * <p>
 * Depends on {@code identity} for who is asking, their permissions and scope, and the people of a rota; on
 * {@code cmdb} for the configuration items a plan targets and the classes a template checks; on {@code sla} for the
 * business calendars that say which days are working days; on {@code ticket} to open an incident for the anomalies
 * an inspection finds; on {@code audit} to record every write in the same
 * transaction; on {@code notification} to tell a plan's owner of an overdue task; on {@code web} for refusals, field
 * errors and pages; on {@code compliance} to give the evidence of 5.6.2 a.1, 9.2.2a, 10.1.2a, 10.2.2c and 10.3.2b;
 * on {@code crypto} to seal the passwords of database checks with the installation's field key; on
 * {@code printing} for the monthly report as PDF; and on {@code dataset} to add the city's inspections and automated
 * checks to a generated dataset ({@code InspectionDataset}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections",
		allowedDependencies = { "identity", "cmdb", "sla", "ticket", "audit", "notification", "web", "compliance",
				"crypto", "printing", "dataset" })
package org.yunwei.inspection;
