package org.yunwei.inspection.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A plan as its keeper sets it, already checked by {@link PlanKeeping} against the template, the calendar, the items
 * and the people it names.
 */
public record PlanContent(String name, long templateId, InspectionSchedule schedule, long calendarId,
		LocalTime dueTime, LocalDate startsOn, LocalDate endsOn, List<PlanTarget> targets, List<Long> assigneeIds) {

	public PlanContent {
		targets = List.copyOf(targets);
		assigneeIds = List.copyOf(assigneeIds);
	}

	Map<String, Object> audited() {
		Map<String, Object> values = new java.util.LinkedHashMap<>(Map.of("name", name, "templateId", templateId,
				"frequency", schedule.frequency().name(), "workingDaysOnly", schedule.workingDaysOnly(),
				"calendarId", calendarId, "dueTime", dueTime.toString(),
				"targets", targets.stream().map(PlanTarget::label).toList(), "assignees", assigneeIds));
		if (schedule.cron() != null) {
			values.put("cron", schedule.cron());
		}
		return values;
	}

	/** The weekday of a weekly plan, {@code null} otherwise. */
	DayOfWeek dayOfWeek() {
		return schedule.dayOfWeek();
	}
}
