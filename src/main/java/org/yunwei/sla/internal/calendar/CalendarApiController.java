package org.yunwei.sla.internal.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Business calendars", description = "工作日历: working hours per weekday, time zone, public holidays "
		+ "and make-up workdays (调休上班), and the calendar check that computes due times as the SLA engine does. "
		+ "Anyone signed in reads; changes need CALENDAR_MANAGE.")
class CalendarApiController {

	private static final String CSV_FORMAT = """
			UTF-8 text, one day per line as `date,kind,name`: date `yyyy-MM-dd`, kind `HOLIDAY` (a day off) or \
			`WORKDAY` (a make-up workday, 调休上班), name optional (everything after the second comma). Blank lines \
			and lines starting with `#` are ignored, as are a byte-order mark and one header line `date,kind,name`. \
			List every day off, weekend days inside a holiday included.""";

	private static final String ICS_FORMAT = """
			each VEVENT is an all-day event, `DTSTART;VALUE=DATE:20270206` and optionally \
			`DTEND;VALUE=DATE:20270214` (exclusive); every date of it becomes a day named by its SUMMARY. It is a \
			make-up workday when its CATEGORIES include WORKDAY or its SUMMARY contains 班 (上班, 补班), otherwise a \
			holiday. Events with a time of day are refused.""";

	private static final String IMPORT_SUMMARY = "Import holidays and make-up workdays from CSV or iCalendar "
			+ "(CALENDAR_MANAGE)";

	private static final String IMPORT_DESCRIPTION = "The file as the request body (text/csv, text/plain or "
			+ "text/calendar) or uploaded as the part `file` of multipart/form-data. Replaces every day of each year "
			+ "present in the file, all or nothing: a line that cannot be read is refused with 400 naming the line, "
			+ "and nothing changes. CSV: " + CSV_FORMAT + " iCalendar (a file starting with BEGIN:VCALENDAR): "
			+ ICS_FORMAT;

	private static final String ICS_EXAMPLE = """
			BEGIN:VCALENDAR
			VERSION:2.0
			BEGIN:VEVENT
			DTSTART;VALUE=DATE:20270206
			DTEND;VALUE=DATE:20270214
			SUMMARY:春节
			END:VEVENT
			BEGIN:VEVENT
			DTSTART;VALUE=DATE:20270220
			SUMMARY:春节补班
			END:VEVENT
			END:VCALENDAR
			""";

	private static final String CSV_EXAMPLE = """
			date,kind,name
			2027-01-01,HOLIDAY,元旦
			2027-02-06,HOLIDAY,春节
			2027-02-20,WORKDAY,春节调休上班
			""";

	private final CalendarAdministration calendars;

	CalendarApiController(CalendarAdministration calendars) {
		this.calendars = calendars;
	}

	@GetMapping
	@Operation(summary = "Every calendar with its working hours, the default first",
			description = "For whoever may read agreements (a customer's people, SLA_MANAGE, SLA_REPORT, TICKET_WORK, "
					+ "TICKET_ADMIN, TICKET_REPORT); 403 for anyone else.")
	List<CalendarView> list() {
		return calendars.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a calendar (CALENDAR_MANAGE); it starts without holidays")
	CalendarView create(@RequestBody CalendarDraft draft) {
		return calendars.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One calendar with its holidays and make-up workdays of a year")
	CalendarView get(@PathVariable long id,
			@Parameter(description = "the year whose days to show; this year when left out", example = "2026")
			@RequestParam(required = false) Integer year) {
		int shown = year == null ? Year.now(calendars.row(id).zone()).getValue() : year;
		if (shown < 1900 || shown > 2999) {
			throw RejectedRequest.invalidField("year", "calendars.year.invalid");
		}
		return calendars.get(id, shown);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change name, time zone, working hours, 7×24 or enabled (CALENDAR_MANAGE)")
	CalendarView update(@PathVariable long id, @RequestBody CalendarDraft draft) {
		return calendars.update(id, draft);
	}

	@PostMapping("/{id}/default")
	@Operation(summary = "Make this calendar the default one (CALENDAR_MANAGE)", description = "There is always "
			+ "exactly one default calendar; the previous one stays as it is otherwise. A 7×24 calendar may be the "
			+ "default; a disabled one may not (422). Clocks that name no calendar (from agreements without a "
			+ "calendar, or targets from no agreement) count on the default calendar: once the change is made they "
			+ "are recomputed on the new default in the background, audited as SLA_CLOCK_REPAIR, and thresholds that "
			+ "fall due by the new reckoning are raised within seconds; should the application stop before that "
			+ "is done, POST /api/v1/sla/clocks/repair?calendarId={id} finishes it. Making the default calendar the "
			+ "default changes nothing.")
	CalendarView makeDefault(@PathVariable long id) {
		return calendars.makeDefault(id);
	}

	@PostMapping("/{id}/days")
	@Operation(summary = "Add a holiday or make-up workday, replacing what the calendar said of that date "
			+ "(CALENDAR_MANAGE)")
	CalendarView.DayView putDay(@PathVariable long id, @RequestBody DayDraft draft) {
		return calendars.putDay(id, draft);
	}

	@DeleteMapping("/{id}/days/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a holiday or make-up workday: the date follows the weekly hours again "
			+ "(CALENDAR_MANAGE)")
	void removeDay(@PathVariable long id, @Parameter(example = "2026-12-31") @PathVariable String date) {
		calendars.removeDay(id, date);
	}

	@PostMapping(path = "/{id}/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, "text/calendar" })
	@Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
	CalendarAdministration.ImportResult importCsv(@PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = "text/csv", schema = @Schema(type = "string"),
							examples = @ExampleObject(value = CSV_EXAMPLE)),
					@Content(mediaType = "text/calendar", schema = @Schema(type = "string"),
							examples = @ExampleObject(value = ICS_EXAMPLE)),
					@Content(mediaType = "multipart/form-data", schema = @Schema(type = "object",
							requiredProperties = "file", description = "the file in the part named `file`")) })
			@RequestBody byte[] csv) {
		return calendars.importFile(id, csv);
	}

	@PostMapping(path = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
	CalendarAdministration.ImportResult importFile(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		try {
			return calendars.importFile(id, file.getBytes());
		}
		catch (IOException ex) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "calendar-import", "calendars.import.unreadable", null,
					java.util.Map.of("file", "calendars.import.unreadable"));
		}
	}

	@GetMapping(path = "/{id}/export.csv", produces = "text/csv")
	@Operation(summary = "The calendar's holidays and make-up workdays in the import format")
	ResponseEntity<String> export(@PathVariable long id) {
		String csv = calendars.exportCsv(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(calendars.row(id).code() + ".csv").build().toString())
			.body(csv);
	}

	@PostMapping("/{id}/due-time")
	@Operation(summary = "Calendar check: when is something due that starts at `start` and takes `duration`?",
			description = "Computed by the same calendar arithmetic the SLA engine uses. With basis BUSINESS (the "
					+ "default) only working time counts: counting starts at the next working moment, and a due "
					+ "time on the end of a working interval is that end. With CALENDAR it is start + duration.")
	DueTimeQuestion.Answer dueTime(@PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(value = """
							{"start": "2026-02-13T09:00:00Z", "duration": "PT8H"}"""))) @RequestBody DueTimeQuestion question) {
		calendars.requireReader();
		return calendars.dueTime(id, question.check());
	}
}
