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
		+ "planned windows overlap on a same configuration item or a same service.")
class ChangeCalendarApiController {

	private final ChangeCalendar calendar;

	ChangeCalendarApiController(ChangeCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(summary = "A month or a week of the change calendar", description = """
			The period's `days`, each with the `count` of changes planned on it (a window over midnight counts on \
			both days), the `changeIds` shown and the `more` not shown; `changes` holds the changes shown, each once, \
			by planned start, and `count` those of the period.
			- **month**: as a wall calendar shows a busy month, each day shows at most 5 changes, the most relevant \
			first: emergency, then higher risk, then in conflict, then by planned start. The others of a day (`more`) \
			are listed by the week view of that day (`view=week&week=<day>`). The `conflicts` and `freezeWindows` of \
			the month are complete, whether their changes are shown or not.
			- **week**: every change, each day's by planned start (`more` is 0).

			400 for a month, day or view that is not valid.""")
	ChangeCalendar.Period period(
			@Parameter(description = "month (default) or week") @RequestParam(required = false) String view,
			@Parameter(description = "e.g. 2026-12; default this month") @RequestParam(required = false)
			String month,
			@Parameter(description = "a day of the week, e.g. 2026-12-07") @RequestParam(required = false)
			String week) {
		return calendar.period(view, month, week, LocalDate.now(ChangeRegister.ZONE));
	}
}
