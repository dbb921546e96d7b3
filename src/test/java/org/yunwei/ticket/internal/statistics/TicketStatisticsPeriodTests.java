package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.web.RejectedRequest;

class TicketStatisticsPeriodTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void withoutDatesThePeriodIsTheCurrentMonthAndItsDaysAreInTheZone() {
		TicketStatisticsPeriod month = TicketStatisticsPeriod.parse(null, " ", SHANGHAI);
		assertThat(month.from()).isEqualTo(YearMonth.now(SHANGHAI).atDay(1));
		assertThat(month.to()).isEqualTo(YearMonth.now(SHANGHAI).atEndOfMonth());

		TicketStatisticsPeriod march = TicketStatisticsPeriod.parse("2025-03-01", "2025-03-31", SHANGHAI);
		assertThat(march.days()).isEqualTo(31);
		assertThat(march.start(SHANGHAI)).isEqualTo(Instant.parse("2025-02-28T16:00:00Z"));
		assertThat(march.end(SHANGHAI)).isEqualTo(Instant.parse("2025-03-31T16:00:00Z"));
	}

	@Test
	void refusesEveryMistakeAtOnceNamingTheField() {
		assertThat(errors("2025-02-30", null)).containsOnlyKeys("from", "to");
		assertThat(errors("2025-03-31", "2025-03-01")).containsEntry("to", "date.order");
		assertThat(errors("1999-12-31", "3000-01-01")).containsEntry("from", "date.malformed")
			.containsEntry("to", "date.malformed");
	}

	@Test
	void theTrendGoesByDayUpToAQuarterAndRefusesDaysOverAYear() {
		TicketStatisticsPeriod quarter = new TicketStatisticsPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 2));
		TicketStatisticsPeriod longer = new TicketStatisticsPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 3));
		assertThat(TicketStatisticsGranularity.parse(null, quarter)).isEqualTo(TicketStatisticsGranularity.DAY);
		assertThat(TicketStatisticsGranularity.parse(null, longer)).isEqualTo(TicketStatisticsGranularity.MONTH);
		assertThat(TicketStatisticsGranularity.parse("Day", longer)).isEqualTo(TicketStatisticsGranularity.DAY);
		TicketStatisticsPeriod years = new TicketStatisticsPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
		assertThatThrownBy(() -> TicketStatisticsGranularity.parse("day", years)).isInstanceOf(RejectedRequest.class);
		assertThatThrownBy(() -> TicketStatisticsGranularity.parse("week", quarter))
			.isInstanceOf(RejectedRequest.class);
	}

	@Test
	void theTrendHasEveryStepOfThePeriod() {
		TicketStatisticsPeriod period = new TicketStatisticsPeriod(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 2));
		var months = TicketStatisticsReading.points(period.start(SHANGHAI), period.end(SHANGHAI), SHANGHAI,
				TicketStatisticsGranularity.MONTH, Map.of(LocalDate.of(2025, 2, 1), 4L), Map.of());
		assertThat(months.keySet()).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1),
				LocalDate.of(2025, 3, 1));
		assertThat(months.get(LocalDate.of(2025, 2, 1))).containsExactly(4, 0);
		var days = TicketStatisticsReading.points(period.start(SHANGHAI), period.end(SHANGHAI), SHANGHAI,
				TicketStatisticsGranularity.DAY, Map.of(), Map.of());
		assertThat(days).hasSize(47);
	}

	private static Map<String, String> errors(String from, String to) {
		try {
			TicketStatisticsPeriod.parse(from, to, SHANGHAI);
		}
		catch (RejectedRequest refused) {
			return refused.fieldErrors();
		}
		throw new AssertionError("not refused");
	}
}
