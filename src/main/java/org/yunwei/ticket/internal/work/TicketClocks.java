package org.yunwei.ticket.internal.work;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevels;
import org.yunwei.sla.SlaClocks;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * A ticket's two SLA clocks (响应, 解决) and the rule that drives them:
 * <ul>
 * <li>both start when the ticket is created, on the agreement that applies to its customer unit, service and
 * priority (none applies: no clocks, the ticket shows "no SLA");</li>
 * <li>the response clock stops at the first response: work starts (in progress), an agent's public reply, or
 * resolution;</li>
 * <li>pending pauses the running clocks, going on resumes them;</li>
 * <li>resolving stops the resolution clock, and reopening runs it again (the time a resolved ticket waited does not
 * count): a resolution counts in the period it was given, on the dashboard and in the SLA attainment alike
 * (decision 0002); closing changes nothing more;</li>
 * <li>a new priority (impact or urgency changed) retargets both from their start with the agreement's target for
 * it.</li>
 * </ul>
 * After each change the ticket's copies of the due times are refreshed, so that queues sort by them on an index.
 */
@Component
public class TicketClocks {

	static final String SUBJECT_TYPE = "ticket";

	private final SlaClocks clocks;
	private final ServiceLevels serviceLevels;
	private final ZoneId zone;

	TicketClocks(SlaClocks clocks, ServiceLevels serviceLevels, TicketSettings settings) {
		this.clocks = clocks;
		this.serviceLevels = serviceLevels;
		this.zone = settings.zone();
	}

	public static ClockSubject subject(long ticketId) {
		return ClockSubject.of(SUBJECT_TYPE, ticketId);
	}

	/** Starts the clocks of a new ticket; the ticket with its agreement and due times. */
	TicketRow start(TicketRow ticket, Instant at) {
		return start(ticket, agreementFor(ticket, Priority.valueOf(ticket.priority()), at), at).ticket();
	}

	/** Starts the clocks of a new ticket in a customer unit the caller has read; the clocks' states at the start. */
	public Started start(TicketRow ticket, OrganisationUnit customerUnit, Instant at) {
		return start(ticket, serviceLevels.resolve(customerUnit, ticket.serviceId(),
				Priority.valueOf(ticket.priority()), LocalDate.ofInstant(at, zone)), at);
	}

	private Started start(TicketRow ticket, Optional<AppliedAgreement> agreement, Instant at) {
		if (agreement.isEmpty()) {
			return new Started(ticket, null, null);
		}
		// both in one statement; the states they answer are what withDueTimes would read back from them
		Map<ClockKind, ClockState> states = clocks.start(subject(ticket.id()), EnumSet.allOf(ClockKind.class),
				agreement.get(), at);
		ClockState response = states.get(ClockKind.RESPONSE);
		ClockState resolution = states.get(ClockKind.RESOLUTION);
		return new Started(ticket.withAgreementId(agreement.get().agreementId())
			.withResponseDueAt(running(response) ? response.dueAt() : ticket.responseDueAt())
			.withResolutionDueAt(running(resolution) ? resolution.dueAt() : null), response, resolution);
	}

	/**
	 * A new ticket with its agreement and due times, and its clocks' states at the start ({@code null}: no SLA).
	 */
	public record Started(TicketRow ticket, ClockState response, ClockState resolution) {
	}

	private static boolean running(ClockState state) {
		return state.status() == ClockState.Status.RUNNING;
	}

	/** Stops the response clock if it still runs (or waits). */
	TicketRow responded(TicketRow ticket, Instant at) {
		if (ticket.respondedAt() != null) {
			return ticket;
		}
		transition(ticket, ClockKind.RESPONSE, Move.STOP, at);
		return withDueTimes(ticket.withRespondedAt(at), at);
	}

	TicketRow paused(TicketRow ticket, Instant at) {
		transition(ticket, ClockKind.RESPONSE, Move.PAUSE, at);
		transition(ticket, ClockKind.RESOLUTION, Move.PAUSE, at);
		return withDueTimes(ticket, at);
	}

	TicketRow resumed(TicketRow ticket, Instant at) {
		transition(ticket, ClockKind.RESPONSE, Move.RESUME, at);
		transition(ticket, ClockKind.RESOLUTION, Move.RESUME, at);
		return withDueTimes(ticket, at);
	}

	/** On resolution: the response is given by now, and the resolution too unless the customer reopens. */
	TicketRow resolved(TicketRow ticket, Instant at) {
		TicketRow responded = responded(ticket, at);
		transition(responded, ClockKind.RESOLUTION, Move.STOP, at);
		return withDueTimes(responded, at);
	}

	TicketRow reopened(TicketRow ticket, Instant at) {
		transition(ticket, ClockKind.RESOLUTION, Move.REOPEN, at);
		return withDueTimes(ticket, at);
	}

	TicketRow closed(TicketRow ticket, Instant at) {
		transition(ticket, ClockKind.RESPONSE, Move.STOP, at);
		transition(ticket, ClockKind.RESOLUTION, Move.STOP, at);
		return withDueTimes(ticket, at);
	}

	/** After the priority changed: the agreement's target for the new one, counted from the start. */
	TicketRow reprioritised(TicketRow ticket, Instant at) {
		if (ticket.agreementId() == null) {
			return start(ticket, at);
		}
		Optional<AppliedAgreement> agreement = agreementFor(ticket, Priority.valueOf(ticket.priority()), at);
		if (agreement.isEmpty()) {
			return ticket;
		}
		ClockSubject subject = subject(ticket.id());
		for (ClockKind kind : ClockKind.values()) {
			Optional<ClockState> state = clocks.state(subject, kind, at);
			if (state.isPresent() && state.get().status() != ClockState.Status.STOPPED) {
				clocks.retarget(subject, kind, agreement.get(), at);
			}
		}
		return withDueTimes(ticket.withAgreementId(agreement.get().agreementId()), at);
	}

	/** Where a ticket's clock stands now, for the countdown on a page. */
	public Optional<ClockState> state(long ticketId, ClockKind kind) {
		return clocks.state(subject(ticketId), kind);
	}

	private Optional<AppliedAgreement> agreementFor(TicketRow ticket, Priority priority, Instant at) {
		return serviceLevels.resolve(ticket.customerOrgUnitId(), ticket.serviceId(), priority,
				LocalDate.ofInstant(at, zone));
	}

	private void transition(TicketRow ticket, ClockKind kind, Move move, Instant at) {
		if (ticket.agreementId() == null) {
			return;
		}
		ClockSubject subject = subject(ticket.id());
		Optional<ClockState> state = clocks.state(subject, kind, at);
		if (state.isEmpty() || state.get().status() == ClockState.Status.STOPPED && move != Move.REOPEN) {
			return;
		}
		switch (move) {
			case PAUSE -> clocks.pause(subject, kind, at);
			case RESUME -> clocks.resume(subject, kind, at);
			case STOP -> clocks.stop(subject, kind, at);
			// a ticket resolved before decision 0002 waits with its resolution clock paused: running it again is
			// the same move
			case REOPEN -> clocks.reopen(subject, kind, at);
		}
	}

	private TicketRow withDueTimes(TicketRow ticket, Instant at) {
		if (ticket.agreementId() == null) {
			return ticket;
		}
		ClockSubject subject = subject(ticket.id());
		Instant response = clocks.state(subject, ClockKind.RESPONSE, at)
			.filter(s -> s.status() == ClockState.Status.RUNNING).map(ClockState::dueAt)
			.orElse(ticket.responseDueAt());
		Instant resolution = clocks.state(subject, ClockKind.RESOLUTION, at)
			.filter(s -> s.status() == ClockState.Status.RUNNING).map(ClockState::dueAt).orElse(null);
		return ticket.withResponseDueAt(response).withResolutionDueAt(resolution);
	}

	private enum Move {
		PAUSE, RESUME, STOP, REOPEN
	}
}
