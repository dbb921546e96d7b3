package org.yunwei.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class HolidayScheduleTests {

	@Test
	void shippedScheduleMatchesTheStateCouncilNotices() {
		// the tables of /work/shared/data/cn-public-holidays.md, typed in again independently of the CSV file
		Set<LocalDate> daysOff = new TreeSet<>();
		addRange(daysOff, "2025-01-01", "2025-01-01");
		addRange(daysOff, "2025-01-28", "2025-02-04");
		addRange(daysOff, "2025-04-04", "2025-04-06");
		addRange(daysOff, "2025-05-01", "2025-05-05");
		addRange(daysOff, "2025-05-31", "2025-06-02");
		addRange(daysOff, "2025-10-01", "2025-10-08");
		addRange(daysOff, "2026-01-01", "2026-01-03");
		addRange(daysOff, "2026-02-15", "2026-02-23");
		addRange(daysOff, "2026-04-04", "2026-04-06");
		addRange(daysOff, "2026-05-01", "2026-05-05");
		addRange(daysOff, "2026-06-19", "2026-06-21");
		addRange(daysOff, "2026-09-25", "2026-09-27");
		addRange(daysOff, "2026-10-01", "2026-10-07");
		Set<LocalDate> workdays = Set.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
				"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
			.stream()
			.map(LocalDate::parse)
			.collect(Collectors.toSet());

		HolidaySchedule shipped = HolidaySchedule.chinaNational();

		assertThat(shipped.days().stream().filter(day -> day.kind() == ScheduledDay.Kind.HOLIDAY).map(ScheduledDay::date))
			.containsExactlyElementsOf(daysOff);
		assertThat(shipped.days().stream().filter(day -> day.kind() == ScheduledDay.Kind.WORKDAY).map(ScheduledDay::date))
			.containsExactlyInAnyOrderElementsOf(workdays);
		assertThat(daysOff).hasSize(28 + 33);
		assertThat(shipped.years()).containsExactly(2025, 2026);
		// every 调休 day is a weekend day, and every day has a name
		assertThat(workdays).allMatch(date -> date.getDayOfWeek() == DayOfWeek.SATURDAY
				|| date.getDayOfWeek() == DayOfWeek.SUNDAY);
		assertThat(shipped.days()).allMatch(day -> !day.name().isEmpty());
		assertThat(shipped.find(LocalDate.parse("2026-02-17")).orElseThrow().name()).isEqualTo("春节");
	}

	private static void addRange(Set<LocalDate> days, String first, String last) {
		LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).forEach(days::add);
	}

	@Test
	void readsCommentsHeaderByteOrderMarkAndFreeNames() {
		String csv = "\uFEFF# 2027 (example)\n" + "date,kind,name\n" + "\n" + "2027-02-06 , workday , 春节调休上班\n"
				+ "2027-02-07,HOLIDAY,春节, Spring Festival\n" + "  # indented comment\n" + "2027-02-08,holiday\n";
		HolidaySchedule schedule = HolidaySchedule.parseCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(schedule.days()).containsExactly(
				new ScheduledDay(LocalDate.parse("2027-02-06"), ScheduledDay.Kind.WORKDAY, "春节调休上班"),
				new ScheduledDay(LocalDate.parse("2027-02-07"), ScheduledDay.Kind.HOLIDAY, "春节, Spring Festival"),
				new ScheduledDay(LocalDate.parse("2027-02-08"), ScheduledDay.Kind.HOLIDAY, ""));
		assertThat(schedule.isMakeUpWorkday(LocalDate.parse("2027-02-06"))).isTrue();
		assertThat(schedule.isHoliday(LocalDate.parse("2027-02-08"))).isTrue();
		assertThat(schedule.isHoliday(LocalDate.parse("2027-02-09"))).isFalse();
	}

	@Test
	void namesTheLineOfABadDate() {
		assertThatThrownBy(() -> HolidaySchedule.parseCsv("date,kind,name\n2027-02-06,WORKDAY,x\n2027-02-30,HOLIDAY,y\n"))
			.isInstanceOf(HolidayScheduleFormatException.class)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Line 3: '2027-02-30' is not a date of the form yyyy-MM-dd")
			.extracting(ex -> ((HolidayScheduleFormatException) ex).lineNumber())
			.isEqualTo(3);
	}

	@Test
	void namesTheLineOfABadKindOrMissingField() {
		assertThatThrownBy(() -> HolidaySchedule.parseCsv("# c\n2027-02-06,DAYOFF,x\n"))
			.hasMessage("Line 2: the kind must be HOLIDAY or WORKDAY but is 'DAYOFF'");
		assertThatThrownBy(() -> HolidaySchedule.parseCsv("2027-02-06\n"))
			.hasMessageStartingWith("Line 1: expected 'date,kind,name'");
		// a header is only accepted before the first day
		assertThatThrownBy(() -> HolidaySchedule.parseCsv("2027-02-06,HOLIDAY\ndate,kind,name\n"))
			.hasMessage("Line 2: 'date' is not a date of the form yyyy-MM-dd");
	}

	@Test
	void rejectsADateGivenTwice() {
		assertThatThrownBy(() -> HolidaySchedule.parseCsv("2027-02-06,HOLIDAY,a\n\n2027-02-06,WORKDAY,b\n"))
			.isInstanceOf(HolidayScheduleFormatException.class)
			.hasMessage("Line 3: the date 2027-02-06 is already given on line 1");
	}

	@Test
	void importingAYearReplacesOnlyThatYear() {
		HolidaySchedule corrected2026 = HolidaySchedule.parseCsv("2026-12-31,HOLIDAY,test\n");
		HolidaySchedule next = HolidaySchedule.parseCsv("2027-01-01,HOLIDAY,元旦\n");
		HolidaySchedule schedule = HolidaySchedule.chinaNational().withYearsOf(next);
		assertThat(schedule.years()).containsExactly(2025, 2026, 2027);
		assertThat(schedule.days()).hasSize(HolidaySchedule.chinaNational().days().size() + 1);

		HolidaySchedule replaced = schedule.withYearsOf(corrected2026);
		assertThat(replaced.isHoliday(LocalDate.parse("2026-02-17"))).isFalse();
		assertThat(replaced.isHoliday(LocalDate.parse("2026-12-31"))).isTrue();
		assertThat(replaced.isHoliday(LocalDate.parse("2025-10-01"))).isTrue();
		assertThat(replaced.isHoliday(LocalDate.parse("2027-01-01"))).isTrue();
	}

	@Test
	void writesWhatItReads() {
		HolidaySchedule shipped = HolidaySchedule.chinaNational();
		assertThat(HolidaySchedule.parseCsv(shipped.toCsv())).isEqualTo(shipped);
	}
}
