package org.yunwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DateRangeTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void daysAreWholeDaysInTheZoneBothEndsIncluded() {
		DateRange april = DateRange.optional("from", "2025-04-01", "to", "2025-04-30", new FieldErrors());
		assertThat(april.days()).isEqualTo(30);
		assertThat(april.start(SHANGHAI)).isEqualTo(Instant.parse("2025-03-31T16:00:00Z"));
		assertThat(april.end(SHANGHAI)).isEqualTo(Instant.parse("2025-04-30T16:00:00Z"));
	}

	@Test
	void aListMayLeaveEitherEndOpenAndNeitherMeansNoRange() {
		DateRange from = DateRange.optional("from", " 2025-04-01 ", "to", "", new FieldErrors());
		assertThat(from.from()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(from.end(SHANGHAI)).isNull();
		assertThat(DateRange.optional("from", null, "to", " ", new FieldErrors())).isNull();
	}

	@Test
	void everyMistakeIsReportedOnItsOwnField() {
		FieldErrors errors = new FieldErrors();
		assertThat(DateRange.optional("createdFrom", "2025-02-30", "createdTo", "1999-12-31", errors)).isNull();
		assertThat(errors.asMap()).containsEntry("createdFrom", "date.malformed")
			.containsEntry("createdTo", "date.malformed");

		FieldErrors backwards = new FieldErrors();
		assertThat(DateRange.optional("createdFrom", "2025-04-30", "createdTo", "2025-04-01", backwards)).isNull();
		assertThat(backwards.asMap()).containsOnlyKeys("createdTo").containsEntry("createdTo", "date.order");
	}

	@Test
	void aReportWantsBothDaysOrNeither() {
		FieldErrors errors = new FieldErrors();
		assertThat(DateRange.both("from", "2025-04-01", "to", null, errors)).isNull();
		assertThat(errors.asMap()).containsOnlyKeys("to").containsEntry("to", "field.required");
		assertThat(DateRange.both("from", null, "to", null, new FieldErrors())).isNull();
		assertThat(DateRange.both("from", "2025-04-01", "to", "2025-04-01", new FieldErrors()).days()).isEqualTo(1);
	}
}
