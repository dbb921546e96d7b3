package org.yunwei.sla;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.yunwei.sla.internal.calendar.CalendarRecords;
import org.yunwei.sla.internal.calendar.CalendarRow;
import org.yunwei.web.RejectedRequest;

/**
 * The business calendars administrators keep, as the rest of the application uses them: the SLA engine asks for a
 * calendar by id and computes due times with it, forms list the calendars to choose from.
 * <p>
 * {@link #get(long)} is called for every clock the engine touches, so built calendars are cached. Every change of a
 * calendar or of its days raises the calendar's version in the same transaction; {@link #get(long)} reads that
 * version (one primary-key lookup) and rebuilds when it differs, so that a change made on any node is used at once
 * by every node.
 */
@Service
public class Calendars {

	private final CalendarRecords records;

	private final Map<Long, Built> cache = new ConcurrentHashMap<>();

	Calendars(CalendarRecords records) {
		this.records = records;
	}

	/**
	 * The calendar of this id, enabled or not (a disabled calendar still serves the agreements that name it).
	 *
	 * @throws RejectedRequest (404) when there is no such calendar
	 */
	public BusinessCalendar get(long id) {
		return get(id, records.version(id).orElseThrow(() -> RejectedRequest.notFound("calendar")));
	}

	private BusinessCalendar get(long id, int version) {
		Built built = cache.get(id);
		if (built != null && built.version() == version) {
			return built.calendar();
		}
		CalendarRow row = records.find(id).orElseThrow(() -> RejectedRequest.notFound("calendar"));
		BusinessCalendar calendar = row.toCalendar(records.days(id));
		// keyed by the version read with the row: a change committed meanwhile only makes the next call rebuild
		cache.put(id, new Built(row.version(), calendar));
		return calendar;
	}

	/** The id of the default calendar (Monday–Friday with the national holidays unless an administrator changed it). */
	public long defaultCalendarId() {
		return records.defaultId().orElseThrow(() -> new IllegalStateException("No default business calendar"));
	}

	/** Whether a calendar of this id exists, enabled or not. */
	public boolean exists(long id) {
		return records.version(id).isPresent();
	}

	/** The default calendar; see {@link #get(long)}. */
	public BusinessCalendar defaultCalendar() {
		// its id and version in one statement: every new SLA clock asks
		CalendarRecords.Current current = records.defaultCurrent()
			.orElseThrow(() -> new IllegalStateException("No default business calendar"));
		return get(current.id(), current.version());
	}

	/** Every calendar, the default first, then by name; disabled ones included and marked. */
	public List<CalendarSummary> list() {
		return records.list().stream().map(CalendarRow::summary).toList();
	}

	private record Built(int version, BusinessCalendar calendar) {
	}
}
