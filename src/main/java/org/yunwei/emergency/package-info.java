/**
 * Emergency response (应急管理, Hunan 8.1): the plan library (应急预案) — per scenario, application system and site,
 * with the event levels (特别重大/重大/较大/一般) and their criteria, the response organisation (roles, the people
 * who fill them and the posts that back them up) and the procedure's steps (phase, owner, time limit, communication
 * template), every version approved through the approval module — and emergency events, declared from an incident
 * or directly, whose checklist is the approved plan's procedure and whose timeline records every step to the second
 * with who did it, watched live by everyone involved; drills of the plans (应急演练) run step by step with their
 * instants, stage contacts and screenshots; and on-duty rosters (值守) with their shifts, coverage gaps and duty log.
 * <p>
 * It owns the tables {@code emergency_plan}, {@code emergency_plan_version}, {@code emergency_event},
 * {@code emergency_event_number}, {@code emergency_event_step}, {@code emergency_event_entry},
 * {@code emergency_drill}, {@code emergency_drill_step}, {@code emergency_drill_screenshot}, {@code duty_roster},
 * {@code duty_shift} and {@code duty_log}. Other modules hear
 * of {@link org.yunwei.emergency.EmergencyDeclared} and {@link org.yunwei.emergency.EmergencyClosed}.
 * <p>
 * Depends on {@code identity} for who is asking, their scope, people and posts (a role's backup acts while the
 * holder is absent); on {@code audit} to record every write in its transaction; on {@code web} for refusals, field
 * errors and keyset pages; on {@code approval} to have each plan version approved (it asks with the version's hash
 * and listens for the decision); on {@code notification} to tell the stakeholders of an event by its level; on
 * {@code ticket} to declare an event from an incident the responder may read (the ticket module knows nothing of
 * emergencies: its page loads this module's box); and on {@code compliance} to report the plan library and the drills
 * as evidence of 8.1.2a, 8.2.2a, 8.2.2b and
 * 9.2.2c; and on {@code printing} for the fault, post-event and drill reports as PDF and Word. Other modules
 * ask who is on duty now through {@link org.yunwei.emergency.OnDuty}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency response",
		allowedDependencies = { "identity", "audit", "web", "approval", "notification", "ticket", "compliance", "printing" })
package org.yunwei.emergency;
