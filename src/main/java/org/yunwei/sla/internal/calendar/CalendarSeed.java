package org.yunwei.sla.internal.calendar;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.HolidaySchedule;
import org.yunwei.sla.WorkingHours;

/**
 * Puts the two built-in calendars in place on first start: {@code CN-DEFAULT}, the default (the national holidays
 * and make-up workdays shipped with the application), and {@code 7X24} for critical services.
 * <p>
 * Each is inserted with {@code on conflict do nothing} on its unique code, and its days only by the transaction
 * that inserted it: a restart changes nothing, an administrator's edits survive it, and two nodes starting at once
 * seed once (the second insert waits for the first to commit, then does nothing).
 */
@Component
class CalendarSeed {

	static final String DEFAULT_CODE = "CN-DEFAULT";
	static final String TWENTY_FOUR_SEVEN_CODE = "7X24";

	private final CalendarRecords records;
	private final TransactionTemplate transaction;

	CalendarSeed(CalendarRecords records, TransactionTemplate transaction) {
		this.records = records;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		transaction.executeWithoutResult(status -> {
			BusinessCalendar national = BusinessCalendar.chinaDefault();
			records.insertUnlessTaken(DEFAULT_CODE, "中国大陆标准工作日历", national.zone().getId(),
					StoredHours.json(national.workingHours()), false, true)
				.ifPresent(id -> {
					HolidaySchedule days = HolidaySchedule.chinaNational();
					records.replaceYears(id, days.years(), days.days());
				});
			records.insertUnlessTaken(TWENTY_FOUR_SEVEN_CODE, "7×24 全天候", BusinessCalendar.SHANGHAI.getId(),
					StoredHours.json(WorkingHours.allDay()), true, false);
		});
	}
}
