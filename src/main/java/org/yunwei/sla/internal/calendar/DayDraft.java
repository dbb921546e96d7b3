package org.yunwei.sla.internal.calendar;

import io.swagger.v3.oas.annotations.media.Schema;

/** A holiday or make-up workday to put into a calendar; it replaces what the calendar said of that date. */
@Schema(name = "CalendarDayDraft")
record DayDraft(@Schema(example = "2026-12-31", requiredMode = Schema.RequiredMode.REQUIRED) String date,
		@Schema(example = "HOLIDAY", allowableValues = { "HOLIDAY", "WORKDAY" },
				description = "HOLIDAY: a day off; WORKDAY: a make-up workday (调休上班)",
				requiredMode = Schema.RequiredMode.REQUIRED) String kind,
		@Schema(example = "单位年终盘点", maxLength = 100) String name) {
}
