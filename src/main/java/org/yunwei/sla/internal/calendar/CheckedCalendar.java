package org.yunwei.sla.internal.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yunwei.sla.DaySchedule;
import org.yunwei.sla.WorkingHours;
import org.yunwei.sla.WorkingInterval;
import org.yunwei.web.RejectedRequest;

/**
 * A {@link CalendarDraft} found to be sound: every mistake in it is reported at once, field by field (working hours
 * as {@code workingHours.MONDAY}), before anything is written.
 */
record CheckedCalendar(String code, String name, ZoneId zone, WorkingHours hours, boolean twentyFourSeven,
		boolean enabled) {

	static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$");

	/** @param creating whether the code is read (it is given once, at creation) */
	static CheckedCalendar of(CalendarDraft draft, boolean creating) {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = clean(draft.code());
		if (creating) {
			if (code == null) {
				errors.put("code", "calendars.field.required");
			}
			else if (!CODE.matcher(code).matches()) {
				errors.put("code", "calendars.code.invalid");
			}
		}
		String name = clean(draft.name());
		if (name == null) {
			errors.put("name", "calendars.field.required");
		}
		else if (name.length() > 100) {
			errors.put("name", "calendars.name.too-long");
		}
		ZoneId zone = zone(clean(draft.zone()), errors);
		boolean twentyFourSeven = Boolean.TRUE.equals(draft.twentyFourSeven());
		WorkingHours hours = twentyFourSeven ? WorkingHours.allDay() : hours(draft.workingHours(), errors);
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		return new CheckedCalendar(code, name, zone, hours, twentyFourSeven, !Boolean.FALSE.equals(draft.enabled()));
	}

	private static ZoneId zone(String id, Map<String, String> errors) {
		if (id == null) {
			errors.put("zone", "calendars.field.required");
			return null;
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			errors.put("zone", "calendars.zone.invalid");
			return null;
		}
	}

	private static WorkingHours hours(Map<String, List<String>> week, Map<String, String> errors) {
		Map<DayOfWeek, DaySchedule> schedules = new EnumMap<>(DayOfWeek.class);
		boolean sound = true;
		for (var entry : (week == null ? Map.<String, List<String>>of() : week).entrySet()) {
			DayOfWeek day = weekday(entry.getKey());
			if (day == null) {
				errors.putIfAbsent("workingHours", "calendars.hours.weekday.invalid");
				sound = false;
				continue;
			}
			String field = "workingHours." + day.name();
			List<WorkingInterval> intervals = new ArrayList<>();
			for (String text : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
				if (text == null || text.isBlank()) {
					continue;
				}
				try {
					intervals.add(WorkingInterval.parse(text.strip()));
				}
				catch (IllegalArgumentException ex) {
					errors.putIfAbsent(field, "calendars.hours.interval.invalid");
					sound = false;
				}
			}
			try {
				schedules.put(day, new DaySchedule(intervals));
			}
			catch (IllegalArgumentException ex) {
				errors.putIfAbsent(field, "calendars.hours.overlap");
				sound = false;
			}
		}
		if (!sound) {
			return null;
		}
		if (schedules.values().stream().allMatch(DaySchedule::isClosed)) {
			errors.put("workingHours", "calendars.hours.none");
			return null;
		}
		return WorkingHours.of(schedules);
	}

	private static DayOfWeek weekday(String name) {
		try {
			return name == null ? null : DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
