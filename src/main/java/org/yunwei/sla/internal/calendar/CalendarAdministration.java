package org.yunwei.sla.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;
import org.yunwei.sla.HolidaySchedule;
import org.yunwei.sla.HolidayScheduleFormatException;
import org.yunwei.sla.ScheduledDay;
import org.yunwei.sla.internal.agreement.AgreementReaders;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * What administrators do with business calendars. Whoever may read agreements reads calendars and runs the
 * calendar check (docs/security.md, "Access model"); changes need {@code CALENDAR_MANAGE} and a scope that may write, and each is audited
 * in its own transaction.
 */
@Service
class CalendarAdministration {

	private final CalendarRecords records;
	private final Calendars calendars;
	private final Actors actors;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	CalendarAdministration(CalendarRecords records, Calendars calendars, Actors actors, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.records = records;
		this.calendars = calendars;
		this.actors = actors;
		this.audit = audit;
		this.events = events;
	}

	List<CalendarView> list() {
		requireReader();
		return records.list().stream().map(row -> CalendarView.of(row, years(row.id()))).toList();
	}

	CalendarView get(long id) {
		requireReader();
		return CalendarView.of(row(id), years(id));
	}

	/** The calendar with its days of {@code year}. */
	CalendarView get(long id, int year) {
		List<CalendarView.DayView> days = records
			.daysBetween(id, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.stream()
			.map(day -> new CalendarView.DayView(day.date().toString(), day.kind().name(), day.name()))
			.toList();
		return get(id).withDays(year, days);
	}

	/** The calendar as it computes, for showing a month of it. */
	BusinessCalendar calendar(long id) {
		requireReader();
		return calendars.get(id);
	}

	@PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
	@Transactional
	public CalendarView create(CalendarDraft draft) {
		actors.writableScope();
		CheckedCalendar checked = CheckedCalendar.of(draft, true);
		if (records.codeTaken(checked.code())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "duplicate", "problem.duplicate", null,
					Map.of("code", "calendars.code.taken"));
		}
		long id = records.insert(checked.code(), checked.name(), checked.zone().getId(),
				StoredHours.json(checked.hours()), checked.twentyFourSeven(), checked.enabled());
		CalendarView created = get(id);
		audit.record(AuditEntry.of("CALENDAR_CREATE", "business-calendar", id).after(auditView(created)));
		return created;
	}

	@PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
	@Transactional
	public CalendarView update(long id, CalendarDraft draft) {
		actors.writableScope();
		CalendarRow before = records.lock(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
		CheckedCalendar checked = CheckedCalendar.of(draft, false);
		if (draft.version() != null && draft.version() != before.version()) {
			throw RejectedRequest.conflict("stale", "calendars.stale");
		}
		if (before.isDefault() && !checked.enabled()) {
			throw RejectedRequest.invalidField("enabled", "calendars.default.disable");
		}
		records.update(id, before.version(), checked.name(), checked.zone().getId(),
				StoredHours.json(checked.hours()), checked.twentyFourSeven(), checked.enabled());
		CalendarView after = get(id);
		audit.record(AuditEntry.of("CALENDAR_UPDATE", "business-calendar", id)
			.before(auditView(CalendarView.of(before, List.of())))
			.after(auditView(after)));
		return after;
	}

	/**
	 * Makes another calendar the default one: there is always exactly one. A 7×24 calendar may be the default; a
	 * disabled one may not (the default cannot be disabled). Clocks that name no calendar count on the default, so
	 * once this commits they are recomputed on the new one in the background ({@link DefaultCalendarChanged}).
	 * Making the default calendar the default changes nothing and records nothing.
	 */
	@PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
	@Transactional
	public CalendarView makeDefault(long id) {
		actors.writableScope();
		// the current default first, as every change of the default does, so that two of them take turns
		CalendarRow previous = records.lockDefault().orElse(null);
		CalendarRow chosen = records.lock(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
		if (chosen.isDefault()) {
			return get(id);
		}
		if (!chosen.enabled()) {
			throw FieldErrors.ruleBroken("calendar-disabled", "enabled", "calendars.default.disabled");
		}
		records.makeDefault(id);
		audit.record(AuditEntry.of("CALENDAR_DEFAULT", "business-calendar", id)
			.before(previous == null ? null : Map.of("defaultCalendar", previous.code()))
			.after(Map.of("defaultCalendar", chosen.code())));
		events.publishEvent(new DefaultCalendarChanged(previous == null ? null : previous.id(), id));
		return get(id);
	}

	/** Adds a holiday or make-up workday, or changes what the calendar says of that date. */
	@PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
	@Transactional
	public CalendarView.DayView putDay(long id, DayDraft draft) {
		actors.writableScope();
		ScheduledDay day = checkedDay(draft);
		records.lock(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
		var before = dayOf(id, day.date());
		records.putDay(id, day);
		var after = new CalendarView.DayView(day.date().toString(), day.kind().name(), day.name());
		audit.record(AuditEntry.of("CALENDAR_DAY_PUT", "business-calendar", id).before(before).after(after)
			.detail(day.date().toString()));
		return after;
	}

	@PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
	@Transactional
	public void removeDay(long id, String date) {
		actors.writableScope();
		LocalDate day = date(date).orElseThrow(() -> RejectedRequest.invalidField("date", "calendars.day.date.invalid"));
		records.lock(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
		var before = dayOf(id, day);
		if (before == null || !records.removeDay(id, day)) {
			throw RejectedRequest.notFound("calendar-day");
		}
		audit.record(AuditEntry.of("CALENDAR_DAY_REMOVE", "business-calendar", id).before(before)
			.detail(day.toString()));
	}

	/**
	 * Replaces the days of every year present in the file by the file's days, all or nothing: a file that cannot be
	 * read is refused (400, naming the line) before anything is written. The file is CSV (see
	 * {@link HolidaySchedule}) or iCalendar (see {@link ICalendarDays}), told apart by its first line.
	 */
	@PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
	@Transactional
	public ImportResult importFile(long id, byte[] content) {
		actors.writableScope();
		String text = new String(content, StandardCharsets.UTF_8);
		HolidaySchedule imported;
		try {
			imported = ICalendarDays.isICalendar(text) ? ICalendarDays.parse(text) : HolidaySchedule.parseCsv(text);
		}
		catch (HolidayScheduleFormatException ex) {
			throw badLine(ex.lineNumber(), ex.getMessage());
		}
		catch (ICalendarDays.FormatException ex) {
			throw badLine(ex.lineNumber(), ex.getMessage());
		}
		if (imported.days().isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "calendar-import", "calendars.import.empty", null,
					Map.of("file", "calendars.import.empty"));
		}
		records.lock(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
		Map<Integer, Long> before = countsByYear(records.days(id));
		records.replaceYears(id, imported.years(), imported.days());
		ImportResult result = new ImportResult(List.copyOf(imported.years()), imported.days().size());
		audit.record(AuditEntry.of("CALENDAR_IMPORT", "business-calendar", id)
			.before(Map.of("daysByYear", before))
			.after(Map.of("daysByYear", countsByYear(records.days(id))))
			.detail("years " + imported.years()));
		return result;
	}

	private static RejectedRequest badLine(int line, String problem) {
		return new RejectedRequest(HttpStatus.BAD_REQUEST, "calendar-import", "calendars.import.bad-line",
				new Object[] { line, problem }, Map.of("file", "calendars.import.bad-file"));
	}

	/** The calendar's days in the import format, with a comment naming the calendar. */
	String exportCsv(long id) {
		requireReader();
		CalendarRow row = row(id);
		return "# " + row.code() + " " + row.name() + " (" + row.zoneId() + ")\n"
				+ HolidaySchedule.of(records.days(id)).toCsv();
	}

	CalendarRow row(long id) {
		requireReader();
		return records.find(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
	}

	/** The calendar check, computed by the very calendar the SLA engine gets from {@link Calendars}. */
	DueTimeQuestion.Answer dueTime(long id, DueTimeQuestion.Checked question) {
		requireReader();
		BusinessCalendar calendar = calendars.get(id);
		try {
			var due = calendar.add(question.start(), question.duration(), question.basis());
			return new DueTimeQuestion.Answer(due.toString(), due.atZone(calendar.zone()).toString(),
					question.start().toString(), question.duration().toString(), question.basis().name());
		}
		catch (ArithmeticException | DateTimeException ex) {
			// beyond the range of instants: the question itself is unreasonable
			throw RejectedRequest.invalidField("duration", "calendars.due.duration.too-long");
		}
	}

	/**
	 * Refuses (403) a person who may not read calendars: the right to read agreements ({@link AgreementReaders}),
	 * whose targets count in them. Calendars are not confidential, but administrators, integration accounts and people
	 * without a role have no duty that needs them. Callers that check what a request asks call it first, so that a
	 * refusal for want of the right comes before any validation answer.
	 */
	void requireReader() {
		if (!AgreementReaders.mayReadAny(actors.current())) {
			throw RejectedRequest.forbidden("calendars.no-access");
		}
	}

	private List<Integer> years(long id) {
		return List.copyOf(countsByYear(records.days(id)).keySet());
	}

	private static Map<Integer, Long> countsByYear(List<ScheduledDay> days) {
		Map<Integer, Long> counts = new TreeMap<>();
		days.forEach(day -> counts.merge(day.date().getYear(), 1L, Long::sum));
		return counts;
	}

	private CalendarView.DayView dayOf(long id, LocalDate date) {
		return records.daysBetween(id, date, date).stream()
			.map(day -> new CalendarView.DayView(day.date().toString(), day.kind().name(), day.name()))
			.findFirst()
			.orElse(null);
	}

	private static ScheduledDay checkedDay(DayDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		var date = date(draft.date());
		if (date.isEmpty()) {
			errors.put("date", "calendars.day.date.invalid");
		}
		ScheduledDay.Kind kind = null;
		try {
			kind = draft.kind() == null ? null : ScheduledDay.Kind.valueOf(draft.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (kind == null) {
			errors.put("kind", "calendars.day.kind.invalid");
		}
		if (!ScheduledDay.isAcceptableName(draft.name())) {
			errors.put("name", "calendars.name.too-long");
		}
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		return new ScheduledDay(date.get(), kind, draft.name());
	}

	private static java.util.Optional<LocalDate> date(String text) {
		try {
			return text == null ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			return java.util.Optional.empty();
		}
	}

	private static Map<String, Object> auditView(CalendarView calendar) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("code", calendar.code());
		view.put("name", calendar.name());
		view.put("zone", calendar.zone());
		view.put("workingHours", calendar.workingHours());
		view.put("twentyFourSeven", calendar.twentyFourSeven());
		view.put("enabled", calendar.enabled());
		return view;
	}

	/** What an import replaced: the years in the file and how many days it gave them. */
	record ImportResult(List<Integer> years, int days) {
	}
}
