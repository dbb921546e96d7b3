package org.yunwei.sla.internal.calendar;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The calendar editor's fields as typed: one text field per weekday with its intervals separated by commas
 * ({@code hours.MONDAY = "09:00-12:00, 13:30-17:30"}), so that a failed submit shows exactly what was typed.
 */
record CalendarForm(String code, String name, String zone, Map<String, String> hours, boolean twentyFourSeven,
		boolean enabled, Integer version) {

	static CalendarForm blank() {
		Map<String, String> hours = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.put(day.name(), day.getValue() <= 5 ? "09:00-12:00, 13:30-17:30" : "");
		}
		return new CalendarForm("", "", "Asia/Shanghai", hours, false, true, null);
	}

	static CalendarForm of(CalendarView calendar) {
		Map<String, String> hours = new LinkedHashMap<>();
		calendar.workingHours().forEach((day, intervals) -> hours.put(day, String.join(", ", intervals)));
		return new CalendarForm(calendar.code(), calendar.name(), calendar.zone(), hours, calendar.twentyFourSeven(),
				calendar.enabled(), calendar.version());
	}

	static CalendarForm from(MultiValueMap<String, String> params) {
		Map<String, String> hours = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.put(day.name(), value(params, "hours." + day.name()));
		}
		String version = value(params, "version");
		return new CalendarForm(value(params, "code"), value(params, "name"), value(params, "zone"), hours,
				params.containsKey("twentyFourSeven"), params.containsKey("enabled"),
				version.matches("\\d{1,9}") ? Integer.valueOf(version) : null);
	}

	CalendarDraft draft() {
		Map<String, List<String>> week = new LinkedHashMap<>();
		hours.forEach((day, text) -> week.put(day, Arrays.stream(text.split(",")).map(String::strip)
			.filter(part -> !part.isEmpty()).toList()));
		return new CalendarDraft(code, name, zone, week, twentyFourSeven, enabled, version);
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}
}
