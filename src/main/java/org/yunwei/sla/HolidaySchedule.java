package org.yunwei.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Public holidays and make-up workdays (调休上班): the dates on which a business calendar departs from its weekly
 * working hours. Immutable; at most one {@link ScheduledDay} per date.
 * <p>
 * <b>File format</b> ({@link #parseCsv(Reader)}, {@link #toCsv()}): UTF-8 text, one day per line as
 * {@code date,kind,name}, where {@code date} is {@code yyyy-MM-dd}, {@code kind} is {@code HOLIDAY} (a day off) or
 * {@code WORKDAY} (a make-up workday), case-insensitive, and {@code name} is optional free text (it may contain
 * commas: everything after the second comma is the name). Blank lines and lines starting with {@code #} are
 * ignored, as are a leading byte-order mark and one header line {@code date,kind,name}. Every day off is listed on
 * its own line, including weekend days inside a holiday. Example:
 *
 * <pre>
 * # 2026 春节
 * date,kind,name
 * 2026-02-14,WORKDAY,春节调休上班
 * 2026-02-15,HOLIDAY,春节
 * </pre>
 */
public final class HolidaySchedule {

	/** The shipped schedule: the State Council's national holidays and make-up workdays. */
	static final String CHINA_NATIONAL_RESOURCE = "/sla/cn-holidays-2025-2026.csv";

	private static final String HEADER = "date,kind,name";

	private static final HolidaySchedule NONE = new HolidaySchedule(new TreeMap<>());

	private final NavigableMap<LocalDate, ScheduledDay> days;

	private HolidaySchedule(NavigableMap<LocalDate, ScheduledDay> days) {
		this.days = days;
	}

	/** A schedule without holidays or make-up workdays. */
	public static HolidaySchedule none() {
		return NONE;
	}

	/**
	 * A schedule of the given days.
	 *
	 * @throws IllegalArgumentException when a date appears twice
	 */
	public static HolidaySchedule of(Collection<ScheduledDay> days) {
		NavigableMap<LocalDate, ScheduledDay> byDate = new TreeMap<>();
		for (ScheduledDay day : days) {
			ScheduledDay previous = byDate.put(Objects.requireNonNull(day, "day").date(), day);
			if (previous != null) {
				throw new IllegalArgumentException("The date " + day.date() + " appears twice");
			}
		}
		return new HolidaySchedule(byDate);
	}

	/**
	 * The official Chinese national schedule for 2025 and 2026 (国务院办公厅 notices), shipped with the application.
	 * Later years are imported with {@link #withYearsOf(HolidaySchedule)}.
	 */
	public static HolidaySchedule chinaNational() {
		return ChinaNational.SCHEDULE;
	}

	/**
	 * Reads a schedule in the file format described {@linkplain HolidaySchedule above}. Does not close the reader.
	 *
	 * @throws HolidayScheduleFormatException naming the first line that cannot be read: a bad date or kind, a
	 *         missing field, or a date given twice
	 * @throws UncheckedIOException when the reader fails
	 */
	public static HolidaySchedule parseCsv(Reader csv) {
		NavigableMap<LocalDate, ScheduledDay> days = new TreeMap<>();
		Map<LocalDate, Integer> lineOf = new HashMap<>();
		BufferedReader lines = new BufferedReader(Objects.requireNonNull(csv, "csv"));
		boolean headerAllowed = true;
		int number = 0;
		try {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (number == 1 && line.startsWith("\uFEFF")) {
					// spreadsheet programs on Windows save UTF-8 with a byte-order mark
					line = line.substring(1);
				}
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				if (headerAllowed && text.replace(" ", "").equalsIgnoreCase(HEADER)) {
					headerAllowed = false;
					continue;
				}
				headerAllowed = false;
				ScheduledDay day = parseLine(number, text);
				Integer earlier = lineOf.putIfAbsent(day.date(), number);
				if (earlier != null) {
					throw new HolidayScheduleFormatException(number,
							"the date " + day.date() + " is already given on line " + earlier);
				}
				days.put(day.date(), day);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new HolidaySchedule(days);
	}

	/** Reads a schedule from text in the file format; see {@link #parseCsv(Reader)}. */
	public static HolidaySchedule parseCsv(String csv) {
		return parseCsv(new StringReader(Objects.requireNonNull(csv, "csv")));
	}

	/** Reads a schedule from UTF-8 bytes in the file format; see {@link #parseCsv(Reader)}. Does not close the stream. */
	public static HolidaySchedule parseCsv(InputStream csv) {
		return parseCsv(new InputStreamReader(Objects.requireNonNull(csv, "csv"), StandardCharsets.UTF_8));
	}

	private static ScheduledDay parseLine(int number, String text) {
		String[] fields = text.split(",", 3);
		if (fields.length < 2) {
			throw new HolidayScheduleFormatException(number,
					"expected 'date,kind,name' such as '2026-02-15,HOLIDAY,春节' but got '" + text + "'");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(fields[0].strip());
		}
		catch (DateTimeParseException ex) {
			throw new HolidayScheduleFormatException(number,
					"'" + fields[0].strip() + "' is not a date of the form yyyy-MM-dd");
		}
		ScheduledDay.Kind kind;
		try {
			kind = ScheduledDay.Kind.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new HolidayScheduleFormatException(number,
					"the kind must be HOLIDAY or WORKDAY but is '" + fields[1].strip() + "'");
		}
		String name = fields.length == 3 ? fields[2] : "";
		if (!ScheduledDay.isAcceptableName(name)) {
			throw new HolidayScheduleFormatException(number, "the name must be plain text of at most "
					+ ScheduledDay.NAME_MAX_LENGTH + " characters");
		}
		return new ScheduledDay(date, kind, name);
	}

	/**
	 * This schedule with the years of {@code imported} replaced by the imported days: an administrator imports the
	 * next year's notice, or a corrected one, without touching other years. A year present in {@code imported}
	 * loses all of its days here, even those the import does not list.
	 */
	public HolidaySchedule withYearsOf(HolidaySchedule imported) {
		Set<Integer> years = imported.years();
		NavigableMap<LocalDate, ScheduledDay> days = new TreeMap<>();
		this.days.forEach((date, day) -> {
			if (!years.contains(date.getYear())) {
				days.put(date, day);
			}
		});
		days.putAll(imported.days);
		return new HolidaySchedule(days);
	}

	/** All days in date order. */
	public List<ScheduledDay> days() {
		return List.copyOf(this.days.values());
	}

	/** The years that have at least one day in this schedule, ascending. */
	public Set<Integer> years() {
		Set<Integer> years = new TreeSet<>();
		this.days.keySet().forEach(date -> years.add(date.getYear()));
		return years;
	}

	/** The schedule's entry for the date, if any. */
	public Optional<ScheduledDay> find(LocalDate date) {
		return Optional.ofNullable(this.days.get(Objects.requireNonNull(date, "date")));
	}

	/** Whether the date is a day off by this schedule. */
	public boolean isHoliday(LocalDate date) {
		return find(date).map(day -> day.kind() == ScheduledDay.Kind.HOLIDAY).orElse(false);
	}

	/** Whether the date is a make-up workday by this schedule. */
	public boolean isMakeUpWorkday(LocalDate date) {
		return find(date).map(day -> day.kind() == ScheduledDay.Kind.WORKDAY).orElse(false);
	}

	/** Whether the schedule has no day off (make-up workdays may still be listed). */
	boolean hasNoHolidays() {
		return this.days.values().stream().noneMatch(day -> day.kind() == ScheduledDay.Kind.HOLIDAY);
	}

	/** The schedule in the file format, with a header line, one day per line in date order. */
	public String toCsv() {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		this.days.values()
			.forEach(day -> csv.append(day.date()).append(',').append(day.kind()).append(',').append(day.name())
				.append('\n'));
		return csv.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HolidaySchedule schedule && this.days.equals(schedule.days);
	}

	@Override
	public int hashCode() {
		return this.days.hashCode();
	}

	@Override
	public String toString() {
		return "HolidaySchedule" + this.days.values();
	}

	/** Loads the shipped schedule once, on first use. */
	private static final class ChinaNational {

		static final HolidaySchedule SCHEDULE = load();

		private static HolidaySchedule load() {
			try (InputStream csv = HolidaySchedule.class.getResourceAsStream(CHINA_NATIONAL_RESOURCE)) {
				if (csv == null) {
					throw new IllegalStateException("The shipped holiday schedule " + CHINA_NATIONAL_RESOURCE + " is missing");
				}
				return parseCsv(csv);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
