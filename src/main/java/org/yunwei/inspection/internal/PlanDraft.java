package org.yunwei.inspection.internal;

import java.util.List;

/**
 * A plan as typed in a form or sent to the API, not yet checked.
 *
 * @param frequency DAILY, WEEKLY, MONTHLY or CRON
 * @param dayOfWeek for a weekly plan: MONDAY … SUNDAY
 * @param dayOfMonth for a monthly plan: 1–28
 * @param workingDaysOnly {@code null} means true: only the calendar's working days
 * @param calendarId {@code null}: the default business calendar
 * @param dueTime HH:mm on the day, {@code null}: 17:30
 * @param startsOn yyyy-MM-dd, {@code null}: today
 * @param endsOn yyyy-MM-dd or {@code null} for none
 * @param ciIds the configuration items, for a template of items or application systems
 * @param locations the places, for a template of places
 * @param assigneeIds the rota, in order
 * @param cron for a CRON plan: five fields (minute hour day-of-month month day-of-week); the days it fires on
 */
public record PlanDraft(String name, Long templateId, String frequency, String dayOfWeek, Integer dayOfMonth,
		Boolean workingDaysOnly, Long calendarId, String dueTime, String startsOn, String endsOn, List<Long> ciIds,
		List<String> locations, List<Long> assigneeIds, String cron) {

	public PlanDraft(String name, Long templateId, String frequency, String dayOfWeek, Integer dayOfMonth,
			Boolean workingDaysOnly, Long calendarId, String dueTime, String startsOn, String endsOn, List<Long> ciIds,
			List<String> locations, List<Long> assigneeIds) {
		this(name, templateId, frequency, dayOfWeek, dayOfMonth, workingDaysOnly, calendarId, dueTime, startsOn,
				endsOn, ciIds, locations, assigneeIds, null);
	}

	static PlanDraft empty() {
		return new PlanDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}
}
