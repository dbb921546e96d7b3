package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.yunwei.sla.TimeBasis;
import org.yunwei.sla.WorkingHours;
import org.yunwei.web.RejectedRequest;

/** Reading what people submit: calendar drafts, the editor's form, the due-time question, the stored hours. */
class CalendarDraftTests {

	@Test
	void acceptsSeveralIntervalsADayInAnyOrder() {
		var checked = CheckedCalendar.of(new CalendarDraft("CN-X", " 省日历 ", "Asia/Shanghai",
				Map.of("monday", List.of("13:30-17:30", "09:00-12:00"), "SUNDAY", List.of("22:00-24:00")), null, null,
				null), true);
		assertThat(checked.name()).isEqualTo("省日历");
		assertThat(checked.hours().on(DayOfWeek.MONDAY).toString()).isEqualTo("09:00-12:00,13:30-17:30");
		assertThat(checked.hours().on(DayOfWeek.SUNDAY).toString()).isEqualTo("22:00-24:00");
		assertThat(checked.hours().on(DayOfWeek.TUESDAY).isClosed()).isTrue();
		assertThat(checked.enabled()).isTrue();
	}

	@Test
	void reportsEveryMistakeAtOnce() {
		var refused = catchThrowableOfType(RejectedRequest.class, () -> CheckedCalendar.of(new CalendarDraft(
				"no spaces allowed", "", "Europe/Atlantis", Map.of("MONDAY", List.of("09:00-12:00", "11:59-13:00"),
						"TUESDAY", List.of("12:00-12:00"), "FUNDAY", List.of("09:00-10:00")),
				null, null, null), true));
		assertThat(refused.fieldErrors()).containsOnlyKeys("code", "name", "zone", "workingHours.MONDAY",
				"workingHours.TUESDAY", "workingHours");
		assertThat(refused.fieldErrors().get("workingHours.MONDAY")).isEqualTo("calendars.hours.overlap");
		assertThat(refused.fieldErrors().get("workingHours.TUESDAY")).isEqualTo("calendars.hours.interval.invalid");
	}

	@Test
	void aWeekWithoutWorkingTimeIsRefusedUnlessItIs7x24() {
		var closed = new CalendarDraft(null, "n", "UTC", Map.of("MONDAY", List.of()), false, true, null);
		assertThat(catchThrowableOfType(RejectedRequest.class, () -> CheckedCalendar.of(closed, false)).fieldErrors())
			.containsOnlyKeys("workingHours");
		var always = CheckedCalendar.of(new CalendarDraft(null, "n", "UTC", null, true, false, null), false);
		assertThat(always.hours().isAllDay()).isTrue();
		assertThat(always.enabled()).isFalse();
	}

	@Test
	void storedHoursReadBackAsWritten() {
		WorkingHours hours = CheckedCalendar.of(new CalendarDraft("C", "n", "UTC",
				Map.of("MONDAY", List.of("09:00-12:00", "13:30-17:30"), "SATURDAY", List.of("00:00-24:00")), null, null,
				null), true).hours();
		String json = StoredHours.json(hours);
		assertThat(json).startsWith("{\"MONDAY\":[\"09:00-12:00\",\"13:30-17:30\"],\"TUESDAY\":[]");
		assertThat(StoredHours.read(json)).isEqualTo(hours);
	}

	@Test
	void theEditorFormSplitsIntervalsOnCommas() {
		var params = new LinkedMultiValueMap<String, String>();
		params.add("name", "日历");
		params.add("zone", "UTC");
		params.add("hours.MONDAY", " 09:00-12:00 ,13:30-17:30, ");
		params.add("version", "7");
		params.add("enabled", "on");
		var draft = CalendarForm.from(params).draft();
		assertThat(draft.workingHours().get("MONDAY")).containsExactly("09:00-12:00", "13:30-17:30");
		assertThat(draft.workingHours().get("SUNDAY")).isEmpty();
		assertThat(draft.version()).isEqualTo(7);
		assertThat(draft.enabled()).isTrue();
		assertThat(draft.twentyFourSeven()).isFalse();
		params.set("version", "seven");
		assertThat(CalendarForm.from(params).draft().version()).isNull();
	}

	@Test
	void readsDueTimeQuestions() {
		var question = new DueTimeQuestion("2026-11-20T17:30:00+08:00", "PT1H30M", "calendar").check();
		assertThat(question.start()).hasToString("2026-11-20T09:30:00Z");
		assertThat(question.duration()).isEqualTo(Duration.ofMinutes(90));
		assertThat(question.basis()).isEqualTo(TimeBasis.CALENDAR);
		assertThat(new DueTimeQuestion("2026-11-20T09:30:00Z", "PT0S", null).check().basis())
			.isEqualTo(TimeBasis.BUSINESS);
	}

	@Test
	void refusesMalformedDueTimeQuestionsFieldByField() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("-PT1H", "calendars.due.duration.negative");
		cases.put("PT87601H", "calendars.due.duration.too-long");
		cases.put("eight hours", "calendars.due.duration.invalid");
		cases.forEach((duration, key) -> assertThat(catchThrowableOfType(RejectedRequest.class,
				() -> new DueTimeQuestion("2026-11-20T09:30:00Z", duration, null).check()).fieldErrors())
			.containsEntry("duration", key));
		var refused = catchThrowableOfType(RejectedRequest.class,
				() -> new DueTimeQuestion("2026-11-20 09:30", null, "WEEKLY").check());
		assertThat(refused.fieldErrors()).containsOnlyKeys("start", "duration", "basis");
	}
}
