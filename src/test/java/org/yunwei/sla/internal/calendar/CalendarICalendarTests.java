package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.yunwei.sla.ScheduledDay;

class CalendarICalendarTests {

	private static final String FEED = """
			\uFEFFBEGIN:VCALENDAR
			VERSION:2.0
			PRODID:-//test//holidays//CN
			BEGIN:VEVENT
			UID:1
			DTSTART;VALUE=DATE:20270206
			DTEND;VALUE=DATE:20270209
			SUMMARY:春节
			END:VEVENT
			BEGIN:VEVENT
			UID:2
			DTSTART;VALUE=DATE:20270220
			SUMMARY:春节补班
			END:VEVENT
			BEGIN:VEVENT
			DTSTART;VALUE=DATE:20270221
			SUMMARY:Spring Festival
			  make-up day
			CATEGORIES:HOLIDAY,WORKDAY
			END:VEVENT
			END:VCALENDAR
			""";

	@Test
	void readsAllDayEventsWithExclusiveEnds() {
		var schedule = ICalendarDays.parse(FEED);
		assertThat(ICalendarDays.isICalendar(FEED)).isTrue();
		assertThat(ICalendarDays.isICalendar("date,kind,name\n")).isFalse();
		assertThat(schedule.days()).hasSize(5);
		assertThat(schedule.isHoliday(LocalDate.of(2027, 2, 6))).isTrue();
		assertThat(schedule.isHoliday(LocalDate.of(2027, 2, 8))).isTrue();
		assertThat(schedule.find(LocalDate.of(2027, 2, 9))).isEmpty();
		assertThat(schedule.find(LocalDate.of(2027, 2, 20)).orElseThrow().kind()).isEqualTo(ScheduledDay.Kind.WORKDAY);
		var folded = schedule.find(LocalDate.of(2027, 2, 21)).orElseThrow();
		assertThat(folded.kind()).isEqualTo(ScheduledDay.Kind.WORKDAY);
		assertThat(folded.name()).isEqualTo("Spring Festival make-up day");
	}

	@Test
	void namesTheLineOfWhatCannotBeRead() {
		assertThat(lineOf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101T090000Z\nEND:VEVENT\nEND:VCALENDAR\n"))
			.isEqualTo(3);
		assertThat(lineOf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:2027-01-01\nEND:VEVENT\n"))
			.isEqualTo(4);
		assertThat(lineOf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:no start\nEND:VEVENT\nEND:VCALENDAR\n"))
			.isEqualTo(2);
		assertThat(lineOf("""
				BEGIN:VCALENDAR
				BEGIN:VEVENT
				DTSTART;VALUE=DATE:20270101
				END:VEVENT
				BEGIN:VEVENT
				DTSTART;VALUE=DATE:20270101
				END:VEVENT
				END:VCALENDAR
				""")).isEqualTo(5);
		assertThat(lineOf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20280101\nEND:VEVENT\n"))
			.isEqualTo(2);
	}

	private static int lineOf(String ics) {
		return catchThrowableOfType(ICalendarDays.FormatException.class, () -> ICalendarDays.parse(ics)).lineNumber();
	}
}
