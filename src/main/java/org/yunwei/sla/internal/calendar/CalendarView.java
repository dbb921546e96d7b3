package org.yunwei.sla.internal.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A calendar as the API shows it. The list leaves out {@code year} and {@code days}; one calendar shows the days
 * of the year asked for.
 *
 * @param workingHours weekday to intervals, every weekday present, a closed day as an empty list
 * @param years the years that have days in this calendar, for knowing which notices are imported
 */
@Schema(name = "Calendar")
@JsonInclude(JsonInclude.Include.NON_NULL)
record CalendarView(long id, String code, String name, @Schema(example = "Asia/Shanghai") String zone,
		boolean twentyFourSeven, boolean isDefault, boolean enabled, int version,
		Map<String, List<String>> workingHours, List<Integer> years, Integer year, List<DayView> days) {

	static CalendarView of(CalendarRow row, List<Integer> years) {
		return new CalendarView(row.id(), row.code(), row.name(), row.zoneId(), row.twentyFourSeven(),
				row.isDefault(), row.enabled(), row.version(), StoredHours.of(row.hours()), years, null, null);
	}

	CalendarView withDays(int year, List<DayView> days) {
		return new CalendarView(id, code, name, zone, twentyFourSeven, isDefault, enabled, version, workingHours,
				years, year, days);
	}

	/** A holiday or make-up workday of the calendar. */
	@Schema(name = "CalendarDay")
	record DayView(@Schema(example = "2026-02-14") String date,
			@Schema(example = "WORKDAY", allowableValues = { "HOLIDAY", "WORKDAY" }) String kind,
			@Schema(example = "春节调休上班") String name) {
	}
}
