package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.emergency.internal.DutyRosterRecords.Roster;
import org.yunwei.emergency.internal.DutyRosterRecords.Shift;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.web.RejectedRequest;

/** Reading rosters: the list, one roster with its shifts, gaps and log, and who is on duty now. */
@Service
public class DutyReading {

	private final DutyRosterRecords rosters;
	private final EmergencyAccess access;
	private final People people;

	DutyReading(DutyRosterRecords rosters, EmergencyAccess access, People people) {
		this.rosters = rosters;
		this.access = access;
		this.people = people;
	}

	/** A roster as the list shows it, with whether it is complete (every moment covered, every moment led). */
	public record RosterLine(long id, String name, String kind, LocalDate startsOn, LocalDate endsOn,
			boolean complete) {
	}

	/** A shift with the name and phone of the person on duty. */
	public record ShiftView(long id, long rosterId, Instant startsAt, Instant endsAt, long personId,
			String personName, String phone, boolean lead) {
	}

	/** A period without cover. */
	public record GapView(Instant from, Instant until) {
	}

	/** A log entry with the names. */
	public record LogView(long id, Instant at, String authorName, String kind, String text, String handedToName) {
	}

	/** A roster with everything its page shows. */
	public record RosterView(long id, String name, String kind, LocalDate startsOn, LocalDate endsOn,
			List<ShiftView> shifts, List<GapView> uncovered, List<GapView> withoutLead, boolean complete,
			List<LogView> logs) {
	}

	@Transactional(readOnly = true)
	public List<RosterLine> list() {
		access.reader();
		return rosters.page(access.scope(), 100).stream().map(roster -> new RosterLine(roster.id(), roster.name(),
				roster.kind().name(), roster.startsOn(), roster.endsOn(), complete(roster, rosters.shifts(roster.id()))))
			.toList();
	}

	@Transactional(readOnly = true)
	public RosterView view(long id) {
		access.reader();
		Roster roster = rosters.find(id).orElseThrow(() -> RejectedRequest.notFound("duty-roster"));
		access.requireVisible(roster.partyId(), roster.orgUnitId());
		List<Shift> shifts = rosters.shifts(id);
		List<DutyRosterRecords.LogEntry> logs = rosters.logs(id);
		Map<Long, Person> named = persons(Stream.concat(shifts.stream().map(Shift::personId),
				logs.stream().flatMap(l -> Stream.of(l.authorId(), l.handedTo()))).toList());
		List<GapView> uncovered = DutyCoverage.uncovered(roster.startsOn(), roster.endsOn(), EmergencyClock.ZONE,
				shifts).stream().map(g -> new GapView(g.from(), g.until())).toList();
		List<GapView> withoutLead = DutyCoverage.withoutLead(roster.startsOn(), roster.endsOn(), EmergencyClock.ZONE,
				shifts).stream().map(g -> new GapView(g.from(), g.until())).toList();
		return new RosterView(id, roster.name(), roster.kind().name(), roster.startsOn(), roster.endsOn(),
				shifts.stream().map(s -> shift(s, named)).toList(), uncovered, withoutLead,
				uncovered.isEmpty() && withoutLead.isEmpty(),
				logs.stream().map(l -> new LogView(l.id(), l.at(), name(named, l.authorId()), l.kind(), l.text(),
						name(named, l.handedTo()))).toList());
	}

	/** Who is on duty now in the reader's scope, leads first. */
	@Transactional(readOnly = true)
	public List<ShiftView> onDuty() {
		access.reader();
		List<Shift> now = rosters.onDuty(access.scope(), Instant.now());
		Map<Long, Person> named = persons(now.stream().map(Shift::personId).toList());
		return now.stream().map(s -> shift(s, named)).toList();
	}

	private static boolean complete(Roster roster, List<Shift> shifts) {
		return DutyCoverage.uncovered(roster.startsOn(), roster.endsOn(), EmergencyClock.ZONE, shifts).isEmpty()
				&& DutyCoverage.withoutLead(roster.startsOn(), roster.endsOn(), EmergencyClock.ZONE, shifts).isEmpty();
	}

	private static ShiftView shift(Shift s, Map<Long, Person> named) {
		Person person = named.get(s.personId());
		return new ShiftView(s.id(), s.rosterId(), s.startsAt(), s.endsAt(), s.personId(),
				person == null ? null : person.displayName(), person == null ? null : person.phone(), s.lead());
	}

	private static String name(Map<Long, Person> named, Long id) {
		return id == null || !named.containsKey(id) ? null : named.get(id).displayName();
	}

	private Map<Long, Person> persons(List<Long> ids) {
		Map<Long, Person> named = new HashMap<>();
		people.findAll(ids.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList()))
			.forEach(p -> named.put(p.id(), p));
		return named;
	}
}
