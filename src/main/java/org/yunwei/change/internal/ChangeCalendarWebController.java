package org.yunwei.change.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The change calendar (变更日历) in month and week views, with freeze windows shaded and conflicting changes marked,
 * and the page of freeze windows (重要保障期) where management declares and removes them.
 */
@Controller
class ChangeCalendarWebController {

	private final ChangeCalendar calendar;
	private final FreezeWindows windows;
	private final ChangeScope scope;

	ChangeCalendarWebController(ChangeCalendar calendar, FreezeWindows windows, ChangeScope scope) {
		this.calendar = calendar;
		this.windows = windows;
		this.scope = scope;
	}

	/**
	 * A day of the calendar with what is planned on it: the changes shown (a month's most relevant few), how many
	 * there are and how many are not shown.
	 */
	record Day(LocalDate date, boolean inPeriod, List<FreezeWindow> freezes, List<ChangeCalendar.Entry> changes,
			int count, int more) {
	}

	@GetMapping("/changes/calendar")
	String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String month,
			@RequestParam(required = false) String week, Model model) {
		scope.reader();
		LocalDate today = LocalDate.now(ChangeRegister.ZONE);
		ChangeCalendar.Period period;
		try {
			period = calendar.period(view, month, week, today);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "change.calendar.refused");
			period = calendar.period("month", null, null, today);
		}
		LocalDate first = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = period.to().minusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		Map<Long, ChangeCalendar.Entry> byId = new HashMap<>();
		period.changes().forEach(c -> byId.put(c.id(), c));
		Map<LocalDate, ChangeCalendar.CalendarDay> ofDate = new HashMap<>();
		period.days().forEach(d -> ofDate.put(d.date(), d));
		List<List<Day>> weeks = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
				weeks.add(new ArrayList<>());
			}
			Instant start = day.atStartOfDay(ChangeRegister.ZONE).toInstant();
			Instant end = day.plusDays(1).atStartOfDay(ChangeRegister.ZONE).toInstant();
			// the grid's days of the months before and after are shaded only: their changes are their month's
			ChangeCalendar.CalendarDay planned = ofDate.get(day);
			weeks.getLast().add(new Day(day, planned != null,
					period.freezeWindows().stream().filter(f -> f.overlaps(start, end)).toList(),
					planned == null ? List.of() : planned.changeIds().stream().map(byId::get).toList(),
					planned == null ? 0 : planned.count(), planned == null ? 0 : planned.more()));
		}
		Set<Long> conflicting = new HashSet<>();
		period.conflicts().forEach(c -> {
			conflicting.add(c.firstId());
			conflicting.add(c.secondId());
		});
		boolean monthView = period.view().equals("month");
		model.addAttribute("period", period);
		model.addAttribute("weeks", weeks);
		model.addAttribute("conflicting", conflicting);
		model.addAttribute("monthView", monthView);
		model.addAttribute("shownADay", ChangeCalendar.SHOWN_A_DAY);
		model.addAttribute("previous", monthView ? period.from().minusMonths(1) : period.from().minusDays(7));
		model.addAttribute("next", period.to());
		model.addAttribute("zone", ChangeRegister.ZONE);
		return "change/calendar";
	}

	@GetMapping("/changes/freeze-windows")
	String freezeWindows(Model model) {
		scope.reader();
		return freezePage(model, Map.of(), null, null, null, null);
	}

	@PostMapping("/changes/freeze-windows")
	String declare(@RequestParam(required = false) String name, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
			Model model, RedirectAttributes redirect) {
		try {
			FieldErrors errors = new FieldErrors();
			Instant start = local(startsAt, "startsAt", errors);
			Instant end = local(endsAt, "endsAt", errors);
			errors.throwIfAny();
			windows.declare(name, reason, start, end);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", "change.freeze.failed");
			return freezePage(model, refused.fieldErrors(), name, reason, startsAt, endsAt);
		}
		redirect.addFlashAttribute("notice", "change.freeze.saved");
		return "redirect:/changes/freeze-windows";
	}

	@PostMapping("/changes/freeze-windows/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		windows.remove(id);
		redirect.addFlashAttribute("notice", "change.freeze.removed");
		return "redirect:/changes/freeze-windows";
	}

	private String freezePage(Model model, Map<String, String> errors, String name, String reason, String startsAt,
			String endsAt) {
		Instant now = Instant.now();
		model.addAttribute("windows", windows.between(now.minus(java.time.Duration.ofDays(30)),
				now.plus(java.time.Duration.ofDays(FreezeWindows.MAX_DAYS * 2L))));
		model.addAttribute("mayKeep", windows.mayKeep());
		model.addAttribute("errors", errors);
		model.addAttribute("name", name);
		model.addAttribute("reason", reason);
		model.addAttribute("startsAt", startsAt);
		model.addAttribute("endsAt", endsAt);
		model.addAttribute("zone", ChangeRegister.ZONE);
		return "change/freeze-windows";
	}

	private static Instant local(String value, String field, FieldErrors errors) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(cleaned).atZone(ChangeRegister.ZONE).toInstant();
		}
		catch (DateTimeParseException notATime) {
			errors.add(field, "change.time.format");
			return null;
		}
	}
}
