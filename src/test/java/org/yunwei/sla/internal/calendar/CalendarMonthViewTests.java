package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.yunwei.sla.BusinessCalendar;

class CalendarMonthViewTests {

	private final MonthView february = MonthView.of(BusinessCalendar.chinaDefault(), YearMonth.of(2026, 2));

	@Test
	void coversWholeWeeksFromMondayToSunday() {
		// 1 February 2026 is a Sunday, 28 February a Saturday
		assertThat(february.weeks()).hasSize(5).allSatisfy(week -> assertThat(week).hasSize(7));
		assertThat(february.weeks().get(0).get(0).date()).isEqualTo(LocalDate.of(2026, 1, 26));
		assertThat(february.weeks().get(0).get(0).inMonth()).isFalse();
		assertThat(february.weeks().get(4).get(6).date()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(february.previous()).isEqualTo(YearMonth.of(2026, 1));
		assertThat(february.next()).isEqualTo(YearMonth.of(2026, 3));
	}

	@Test
	void marksHolidaysMakeUpWorkdaysAndWeekends() {
		assertThat(cell(14).kind()).isEqualTo(MonthView.Kind.MAKEUP);
		assertThat(cell(14).hours()).isEqualTo("09:00-12:00,13:30-17:30");
		assertThat(cell(17).kind()).isEqualTo(MonthView.Kind.HOLIDAY);
		assertThat(cell(17).name()).isEqualTo("春节");
		assertThat(cell(17).hours()).isEmpty();
		assertThat(cell(7).kind()).isEqualTo(MonthView.Kind.REST);
		assertThat(cell(12).kind()).isEqualTo(MonthView.Kind.WORKING);
		assertThat(february.scheduled()).extracting(MonthView.Cell::date)
			.contains(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28))
			.allMatch(date -> date.getMonthValue() == 2);
	}

	@Test
	void aTwentyFourSevenMonthIsAllWorkingDays() {
		MonthView month = MonthView.of(BusinessCalendar.twentyFourSeven(BusinessCalendar.SHANGHAI), YearMonth.of(2026, 2));
		assertThat(month.weeks()).allSatisfy(week -> assertThat(week)
			.allSatisfy(cell -> assertThat(cell.kind()).isEqualTo(MonthView.Kind.WORKING)));
		assertThat(month.scheduled()).isEmpty();
	}

	private MonthView.Cell cell(int dayOfMonth) {
		return february.weeks().stream().flatMap(java.util.List::stream)
			.filter(cell -> cell.date().equals(LocalDate.of(2026, 2, dayOfMonth)))
			.findFirst()
			.orElseThrow();
	}
}
