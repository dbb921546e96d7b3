package org.yunwei.ticket.internal.work;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockSubjects;
import org.yunwei.ticket.internal.record.TicketRecords;

/**
 * Lets the SLA pages find a ticket's clocks by its number and name a clock's ticket by its number, within the
 * reader's scope.
 */
@Component
class TicketsAsClockSubjects implements ClockSubjects {

	private final TicketRecords tickets;
	private final Actors actors;

	TicketsAsClockSubjects(TicketRecords tickets, Actors actors) {
		this.tickets = tickets;
		this.actors = actors;
	}

	@Override
	public Optional<ClockSubject> byNumber(String number) {
		DataScope scope = actors.scope();
		return tickets.findByNumber(number.strip().toUpperCase(Locale.ROOT))
			.filter(ticket -> scope.includes(ticket.providerPartyId(), ticket.customerOrgUnitId()))
			.map(ticket -> TicketClocks.subject(ticket.id()));
	}

	@Override
	public Map<ClockSubject, SubjectName> names(Collection<ClockSubject> subjects) {
		var ids = subjects.stream()
			.filter(s -> s.type().equals(TicketClocks.SUBJECT_TYPE))
			.map(ClockSubject::id)
			.filter(id -> id.chars().allMatch(Character::isDigit) && id.length() < 19)
			.map(Long::valueOf)
			.toList();
		DataScope scope = actors.scope();
		Map<ClockSubject, SubjectName> names = new HashMap<>();
		for (var ticket : tickets.findAll(ids)) {
			if (scope.includes(ticket.providerPartyId(), ticket.customerOrgUnitId())) {
				names.put(TicketClocks.subject(ticket.id()), new SubjectName(ticket.number(), "/tickets/" + ticket.id()));
			}
		}
		return names;
	}
}
