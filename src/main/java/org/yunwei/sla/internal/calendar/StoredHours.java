package org.yunwei.sla.internal.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.sla.DaySchedule;
import org.yunwei.sla.WorkingHours;
import org.yunwei.sla.WorkingInterval;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Weekly working hours as the API shows them and the database keeps them: each weekday ({@code MONDAY} …
 * {@code SUNDAY}) to its intervals written as {@code 09:00-12:00}, every weekday present, a closed day as an empty
 * list. Text rather than numbers so that a person reading the JSON (or the audit trail) sees the hours at once.
 */
final class StoredHours {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, List<String>>> SHAPE = new TypeReference<>() {
	};

	private StoredHours() {
	}

	/** The week as the API and the database write it, Monday first. */
	static Map<String, List<String>> of(WorkingHours hours) {
		Map<String, List<String>> week = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day.name(), hours.on(day).intervals().stream().map(WorkingInterval::toString).toList());
		}
		return week;
	}

	static String json(WorkingHours hours) {
		return JSON.writeValueAsString(of(hours));
	}

	/** Reads stored hours, which were checked when written; make-up workdays follow the first working weekday. */
	static WorkingHours read(String json) {
		Map<String, List<String>> week = JSON.readValue(json, SHAPE);
		Map<DayOfWeek, DaySchedule> schedules = new EnumMap<>(DayOfWeek.class);
		week.forEach((day, intervals) -> {
			List<WorkingInterval> parsed = new ArrayList<>();
			intervals.forEach(text -> parsed.add(WorkingInterval.parse(text)));
			schedules.put(DayOfWeek.valueOf(day), new DaySchedule(parsed));
		});
		return WorkingHours.of(schedules);
	}
}
