/**
 * Service level time (SLA): business calendars and the exact business-time arithmetic behind SLA clocks.
 * <p>
 * A {@link org.yunwei.sla.BusinessCalendar} knows a time zone, the working hours of each weekday, public holidays
 * and make-up workdays (调休上班); it adds business time to an instant (the due time), measures the business time
 * between two instants, and does both in calendar time or around pauses when a caller asks for it. The shipped
 * Chinese national schedule for 2025 and 2026 and the default calendar (Monday–Friday 09:00–12:00 and 13:30–17:30,
 * Asia/Shanghai) come from {@link org.yunwei.sla.HolidaySchedule#chinaNational()} and
 * {@link org.yunwei.sla.BusinessCalendar#chinaDefault()}.
 * <p>
 * Depends on no other module: the arithmetic is pure and used by everything that has a deadline (tickets,
 * problems, changes, inspections), so it must not pull any of them in; callers hand it instants and durations and
 * keep their own records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA", allowedDependencies = {})
package org.yunwei.sla;
