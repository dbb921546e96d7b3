/**
 * Service level time and agreements (SLA): business calendars, the exact business-time arithmetic behind SLA clocks,
 * and the service level agreements (服务级别协议, GZ 9.1.2) that set the targets.
 * <p>
 * A {@link org.yunwei.sla.BusinessCalendar} knows a time zone, the working hours of each weekday, public holidays
 * and make-up workdays (调休上班); it adds business time to an instant (the due time), measures the business time
 * between two instants, and does both in calendar time or around pauses when a caller asks for it. The shipped
 * Chinese national schedule for 2025 and 2026 and the default calendar (Monday–Friday 09:00–12:00 and 13:30–17:30,
 * Asia/Shanghai) come from {@link org.yunwei.sla.HolidaySchedule#chinaNational()} and
 * {@link org.yunwei.sla.BusinessCalendar#chinaDefault()}. Administrators keep calendars in the database (API
 * {@code /api/v1/calendars}, pages {@code /sla/calendars}); {@link org.yunwei.sla.Calendars} hands them to the rest
 * of the application.
 * <p>
 * An agreement binds a provider, a customer subtree and a set of services to targets per {@link
 * org.yunwei.sla.Priority}; {@link org.yunwei.sla.ServiceLevels#resolve} tells which agreement applies to a record.
 * <p>
 * {@link org.yunwei.sla.SlaClocks} runs the clocks other modules start for their objects, raising
 * {@link org.yunwei.sla.SlaThresholdReached} and {@link org.yunwei.sla.SlaBreached} exactly once each; a clock's state
 * is derived from its recorded history, which assessors can read and which repairs replay.
 * <p>
 * The arithmetic itself stays pure and depends on nothing. The module depends on {@code identity} for who is asking,
 * whether their scope may write (supervision only reads) and the provider party and customer units an agreement
 * names; on {@code catalog} because the services an agreement covers must exist; on {@code audit} to record every
 * change in the same transaction (clock repairs too); on {@code web} for refusals and keyset pages; and on
 * {@code compliance} to give the evidence of the agreements' targets and escalation chains (Hunan 7.2.2a, 7.2.2c).
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA",
		allowedDependencies = { "identity", "catalog", "audit", "web", "dataset", "compliance" })
package org.yunwei.sla;
