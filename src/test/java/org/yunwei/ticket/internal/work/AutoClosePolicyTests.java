package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.yunwei.sla.BusinessCalendar;

/** Which resolutions are old enough to close, counted in business days of the default calendar. */
class AutoClosePolicyTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final BusinessCalendar CALENDAR = BusinessCalendar.chinaDefault();

	@Test
	void aTicketResolvedOnFridayClosesOnThursdayAfterThreeBusinessDays() {
		Instant friday = at("2026-03-13T16:00");
		assertThat(closes(friday, at("2026-03-18T23:59"), 3)).isFalse();
		assertThat(closes(friday, at("2026-03-19T00:00"), 3)).isTrue();
		assertThat(closes(at("2026-03-13T00:00"), at("2026-03-18T12:00"), 3)).isFalse();
	}

	@Test
	void holidaysDoNotCountAndMakeUpWorkdaysDo() {
		// 国庆节 2026: 1–7 October off, Saturday 10 October worked
		Instant beforeTheHoliday = at("2026-09-30T10:00");
		assertThat(closes(beforeTheHoliday, at("2026-10-09T18:00"), 3)).isFalse();
		assertThat(closes(beforeTheHoliday, at("2026-10-10T23:00"), 3)).isFalse();
		assertThat(closes(beforeTheHoliday, at("2026-10-11T00:00"), 3)).isTrue();
	}

	@Test
	void oneBusinessDayMeansTheWholeNextWorkingDay() {
		assertThat(AutoClosePolicy.cutoff(CALENDAR, at("2026-03-17T08:00"), 1)).isEqualTo(at("2026-03-16T00:00"));
		assertThat(AutoClosePolicy.cutoff(CALENDAR, at("2026-03-16T08:00"), 1)).isEqualTo(at("2026-03-13T00:00"));
		assertThatThrownBy(() -> AutoClosePolicy.cutoff(CALENDAR, at("2026-03-16T08:00"), 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static boolean closes(Instant resolvedAt, Instant now, int businessDays) {
		return resolvedAt.isBefore(AutoClosePolicy.cutoff(CALENDAR, now, businessDays));
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}
}
