package org.yunwei.change.internal;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/change-calendar")
@Tag(name = "Change calendar", description = "变更日历: the changes planned in a month or a week (Asia/Shanghai), in "
		+ "the reader's scope, with the period's freeze windows and the conflicts — changes not cancelled whose "
		+ "planned windows overlap on a same configuration item.")
class ChangeCalendarApiController {

	private final ChangeCalendar calendar;

	ChangeCalendarApiController(ChangeCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(summary = "A month or a week of the change calendar", description = "400 for a month, day or view that "
			+ "is not valid.")
	ChangeCalendar.Period period(
			@Parameter(description = "month (default) or week") @RequestParam(required = false) String view,
			@Parameter(description = "e.g. 2026-12; default this month") @RequestParam(required = false)
			String month,
			@Parameter(description = "a day of the week, e.g. 2026-12-07") @RequestParam(required = false)
			String week) {
		return calendar.period(view, month, week, LocalDate.now(ChangeRegister.ZONE));
	}
}
