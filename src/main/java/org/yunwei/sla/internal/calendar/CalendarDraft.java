package org.yunwei.sla.internal.calendar;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A calendar as submitted for creation or change. The code is given once, at creation; a change ignores it.
 *
 * @param workingHours weekday ({@code MONDAY} … {@code SUNDAY}) to its working intervals; a weekday left out or
 *        given an empty list is closed. Ignored for a 7×24 calendar.
 * @param version the version the change was based on; when given and no longer current, the change is refused
 *        (409) rather than overwriting someone else's
 */
@Schema(name = "CalendarDraft")
record CalendarDraft(
		@Schema(example = "CN-PROVINCE", maxLength = 50, description = "unique; letters, digits, '-', '_' and '.'; "
				+ "only read at creation") String code,
		@Schema(example = "省政务外网工作日历", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "Asia/Shanghai", description = "an IANA time zone id",
				requiredMode = Schema.RequiredMode.REQUIRED) String zone,
		@Schema(example = """
				{"MONDAY": ["09:00-12:00", "13:30-17:30"], "TUESDAY": ["09:00-12:00", "13:30-17:30"],
				 "WEDNESDAY": ["09:00-12:00", "13:30-17:30"], "THURSDAY": ["09:00-12:00", "13:30-17:30"],
				 "FRIDAY": ["09:00-12:00", "13:30-17:30"]}""") Map<String, List<String>> workingHours,
		@Schema(example = "false", description = "every instant is working time and holidays are ignored (7×24)")
		Boolean twentyFourSeven,
		@Schema(example = "true", description = "may be chosen for new agreements; true when left out") Boolean enabled,
		@Schema(example = "3") Integer version) {
}
