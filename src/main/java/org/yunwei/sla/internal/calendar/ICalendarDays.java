package org.yunwei.sla.internal.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yunwei.sla.HolidaySchedule;
import org.yunwei.sla.ScheduledDay;

/**
 * Reads holidays and make-up workdays from an iCalendar file (RFC 5545), the other import format besides CSV.
 * <p>
 * Each {@code VEVENT} is an all-day event: {@code DTSTART;VALUE=DATE:20270206} and optionally
 * {@code DTEND;VALUE=DATE:20270214}, exclusive as RFC 5545 has it (without {@code DTEND} the event is one day). Every
 * date of the event becomes a day named by its {@code SUMMARY}. The event is a make-up workday (调休上班) when its
 * {@code CATEGORIES} include {@code WORKDAY} or its summary contains 班 (上班, 补班, 调休上班), as the Chinese holiday
 * feeds write it; otherwise it is a holiday. Events with a time of day are refused: a holiday is a whole day.
 */
final class ICalendarDays {

	private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	/** Longer events are surely a mistake (a holiday of more than a month) and would flood the calendar. */
	private static final int LONGEST_EVENT_DAYS = 31;

	private ICalendarDays() {
	}

	/** Whether the text looks like an iCalendar file rather than CSV. */
	static boolean isICalendar(String text) {
		return text.stripLeading().replace("\uFEFF", "").regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
	}

	/**
	 * @throws FormatException naming the line (of the file, before unfolding) that cannot be read
	 */
	static HolidaySchedule parse(String text) {
		List<ScheduledDay> days = new ArrayList<>();
		Map<LocalDate, Integer> lineOf = new HashMap<>();
		Event event = null;
		for (Line line : unfolded(text)) {
			String upper = line.text().toUpperCase(Locale.ROOT);
			if (upper.equals("BEGIN:VEVENT")) {
				event = new Event(line.number());
			}
			else if (upper.equals("END:VEVENT")) {
				if (event == null) {
					throw new FormatException(line.number(), "END:VEVENT without BEGIN:VEVENT");
				}
				for (ScheduledDay day : event.days()) {
					Integer earlier = lineOf.putIfAbsent(day.date(), event.line);
					if (earlier != null) {
						throw new FormatException(event.line,
								"the date " + day.date() + " is already given by the event on line " + earlier);
					}
					days.add(day);
				}
				event = null;
			}
			else if (event != null) {
				event.read(line);
			}
		}
		if (event != null) {
			throw new FormatException(event.line, "the event has no END:VEVENT");
		}
		return HolidaySchedule.of(days);
	}

	/** Joins folded lines (a line starting with a space or tab continues the previous one), keeping line numbers. */
	private static List<Line> unfolded(String text) {
		List<Line> lines = new ArrayList<>();
		String[] raw = text.replace("\uFEFF", "").split("\r?\n", -1);
		for (int i = 0; i < raw.length; i++) {
			String line = raw[i];
			if (!lines.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
				Line previous = lines.removeLast();
				lines.add(new Line(previous.number(), previous.text() + line.substring(1)));
			}
			else if (!line.isBlank()) {
				lines.add(new Line(i + 1, line.strip()));
			}
		}
		return lines;
	}

	private record Line(int number, String text) {
	}

	/** The properties of one VEVENT that matter here. */
	private static final class Event {

		final int line;
		LocalDate start;
		LocalDate end;
		String summary = "";
		boolean workday;

		Event(int line) {
			this.line = line;
		}

		void read(Line property) {
			int colon = property.text().indexOf(':');
			if (colon < 0) {
				return;
			}
			String name = property.text().substring(0, colon).toUpperCase(Locale.ROOT);
			String value = property.text().substring(colon + 1).strip();
			String key = name.contains(";") ? name.substring(0, name.indexOf(';')) : name;
			switch (key) {
				case "DTSTART" -> start = date(property, value);
				case "DTEND" -> end = date(property, value);
				case "SUMMARY" -> summary = unescape(value);
				case "CATEGORIES" -> workday |= List.of(value.toUpperCase(Locale.ROOT).split(",")).contains("WORKDAY");
				default -> {
					// other properties (UID, DTSTAMP, DESCRIPTION, …) do not change what the day is
				}
			}
		}

		List<ScheduledDay> days() {
			if (start == null) {
				throw new FormatException(line, "the event has no DTSTART");
			}
			LocalDate last = end == null ? start : end.minusDays(1);
			if (last.isBefore(start)) {
				throw new FormatException(line, "the event ends before it starts");
			}
			if (start.plusDays(LONGEST_EVENT_DAYS).isBefore(last)) {
				throw new FormatException(line, "the event is longer than " + LONGEST_EVENT_DAYS + " days");
			}
			if (!ScheduledDay.isAcceptableName(summary)) {
				throw new FormatException(line, "the SUMMARY must be plain text of at most "
						+ ScheduledDay.NAME_MAX_LENGTH + " characters");
			}
			ScheduledDay.Kind kind = workday || summary.contains("班") ? ScheduledDay.Kind.WORKDAY
					: ScheduledDay.Kind.HOLIDAY;
			List<ScheduledDay> days = new ArrayList<>();
			for (LocalDate date = start; !date.isAfter(last); date = date.plusDays(1)) {
				days.add(new ScheduledDay(date, kind, summary));
			}
			return days;
		}

		private static LocalDate date(Line property, String value) {
			if (value.contains("T")) {
				throw new FormatException(property.number(), "only all-day events can be imported, but '"
						+ value + "' has a time of day");
			}
			try {
				return LocalDate.parse(value, BASIC_DATE);
			}
			catch (DateTimeParseException ex) {
				throw new FormatException(property.number(), "'" + value + "' is not a date of the form yyyyMMdd");
			}
		}

		private static String unescape(String value) {
			return value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";")
				.replace("\\\\", "\\");
		}
	}

	/** An iCalendar file that cannot be read; the message names the line and what is wrong with it. */
	static final class FormatException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final int lineNumber;

		FormatException(int lineNumber, String problem) {
			super("Line " + lineNumber + ": " + problem);
			this.lineNumber = lineNumber;
		}

		int lineNumber() {
			return lineNumber;
		}
	}
}
