package org.yunwei.sla.internal.agreement;

import java.util.Map;
import java.util.Optional;

import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevelTarget;

/**
 * An enabled agreement as {@link AgreementRegister} keeps it: what the precedence rule needs, and what the agreement
 * applies once chosen.
 *
 * @param calendarId {@code null}: the default calendar
 * @param targets by priority; a priority without a target is missing
 */
record RegisteredAgreement(AgreementCandidate candidate, String name, Long calendarId,
		Map<Priority, ServiceLevelTarget> targets) {

	RegisteredAgreement {
		targets = Map.copyOf(targets);
	}

	/** The agreement as it applies at a precedence level to a record of the priority; empty without a target. */
	Optional<AppliedAgreement> applied(Priority priority, AppliedAgreement.Level level) {
		ServiceLevelTarget target = targets.get(priority);
		return target == null ? Optional.empty()
				: Optional.of(new AppliedAgreement(candidate.id(), candidate.code(), name, level, calendarId, target));
	}
}
