package org.yunwei.problem.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ServiceLevels;
import org.yunwei.sla.SlaClocks;
import org.yunwei.ticket.Tickets;

/**
 * A problem's SLA clocks, where an agreement sets a target for its customer unit (from its first incident), service
 * and priority: the response clock runs until analysis starts, the resolution clock until it is resolved; cancelling
 * stops both. A problem without a customer unit matches only service-wide and default agreements; with no agreement
 * it has no clocks.
 */
@Component
class ProblemClocks {

	static final String SUBJECT_TYPE = "problem";
	/** No unit has this id: service-wide and default agreements only. */
	private static final long NO_UNIT = -1;

	private final SlaClocks clocks;
	private final ServiceLevels levels;
	private final ZoneId zone;

	ProblemClocks(SlaClocks clocks, ServiceLevels levels, Tickets tickets) {
		this.clocks = clocks;
		this.levels = levels;
		this.zone = tickets.zone();
	}

	static ClockSubject subject(long problemId) {
		return ClockSubject.of(SUBJECT_TYPE, problemId);
	}

	/** Starts the clocks of a new problem and notes the agreement and the resolution due time on it. */
	void start(Problem problem, Instant at) {
		Optional<AppliedAgreement> agreement = levels.resolve(
				problem.customerOrgUnitId() == null ? NO_UNIT : problem.customerOrgUnitId(),
				problem.collection().serviceId(), problem.collection().priority(), LocalDate.ofInstant(at, zone));
		if (agreement.isEmpty()) {
			return;
		}
		Map<ClockKind, ClockState> states = clocks.start(subject(problem.id()), EnumSet.allOf(ClockKind.class),
				agreement.get(), at);
		problem.agreementId = agreement.get().agreementId();
		ClockState resolution = states.get(ClockKind.RESOLUTION);
		problem.resolutionDueAt = resolution == null ? null : resolution.dueAt();
	}

	void responded(Problem problem, Instant at) {
		stop(problem, ClockKind.RESPONSE, at);
	}

	void resolved(Problem problem, Instant at) {
		stop(problem, ClockKind.RESPONSE, at);
		stop(problem, ClockKind.RESOLUTION, at);
	}

	/** Where the resolution clock stands now; empty without clocks. */
	Optional<ClockState> resolution(Problem problem) {
		return problem.agreementId() == null ? Optional.empty()
				: clocks.state(subject(problem.id()), ClockKind.RESOLUTION);
	}

	private void stop(Problem problem, ClockKind kind, Instant at) {
		if (problem.agreementId() != null && clocks.state(subject(problem.id()), kind, at).isPresent()) {
			clocks.stop(subject(problem.id()), kind, at);
		}
	}
}
