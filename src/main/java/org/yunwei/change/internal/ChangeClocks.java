package org.yunwei.change.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;

/**
 * A change's SLA clocks (docs/decisions/0005-sla-clocks-for-changes.md), where a change SLA rule for its category
 * and risk level sets them: the approval clock (the SLA module's {@code RESPONSE} kind) runs from submission to the
 * approval decision, the implementation clock ({@code RESOLUTION}) from the actual start to the planned end, as a
 * deadline in calendar time. The rule in force when a clock starts sets its terms; a later edit of the rule leaves a
 * running clock alone. Called by {@link ChangeRegister} within the change's transaction, so that a clock changes
 * with the change or not at all.
 */
@Component
class ChangeClocks {

	static final String SUBJECT_TYPE = "change";
	static final String APPROVAL = "APPROVAL";
	static final String IMPLEMENTATION = "IMPLEMENTATION";

	private final SlaClocks clocks;
	private final ChangeSlaRuleRecords rules;

	ChangeClocks(SlaClocks clocks, ChangeSlaRuleRecords rules) {
		this.clocks = clocks;
		this.rules = rules;
	}

	static ClockSubject subject(long changeId) {
		return ClockSubject.of(SUBJECT_TYPE, changeId);
	}

	/** The clock's name on pages, in the API and in notices. */
	static String name(ClockKind kind) {
		return kind == ClockKind.RESPONSE ? APPROVAL : IMPLEMENTATION;
	}

	/**
	 * The change went to approval (first or again): its approval clock starts under the rule in force, or runs
	 * again after a decision where it has one already (the time in between does not count).
	 */
	void awaitingApproval(ChangeRequest change, Instant at) {
		ClockSubject subject = subject(change.id());
		Optional<ClockState> state = clocks.state(subject, ClockKind.RESPONSE, at);
		if (state.isPresent()) {
			if (state.get().status() == ClockState.Status.STOPPED) {
				clocks.reopen(subject, ClockKind.RESPONSE, at);
			}
			return;
		}
		rules.applicable(change.category(), change.riskLevel())
			.filter(rule -> rule.approvalMinutes() != null && change.category() != ChangeCategory.STANDARD)
			.ifPresent(rule -> clocks.start(subject, ClockKind.RESPONSE,
					new ClockTerms(null, priority(change.riskLevel()), null, TimeBasis.valueOf(rule.approvalBasis()),
							Duration.ofMinutes(rule.approvalMinutes()), List.of(rule.warningPercent())),
					at));
	}

	/** The approval was decided (granted, refused, returned, withdrawn) or the change cancelled. */
	void decided(ChangeRequest change, Instant at) {
		stop(change, ClockKind.RESPONSE, at);
	}

	/**
	 * Implementation began: where the rule watches the window, the implementation clock runs until the planned
	 * end (at once breached when the planned end has passed already).
	 */
	void implementationStarted(ChangeRequest change, Instant at) {
		ClockSubject subject = subject(change.id());
		if (change.plannedEnd() == null || clocks.state(subject, ClockKind.RESOLUTION, at).isPresent()) {
			return;
		}
		rules.applicable(change.category(), change.riskLevel()).filter(ChangeSlaRule::windowDeadline)
			.ifPresent(rule -> {
				Duration left = Duration.between(at, change.plannedEnd());
				clocks.start(subject, ClockKind.RESOLUTION, new ClockTerms(null, priority(change.riskLevel()), null,
						TimeBasis.CALENDAR, left.isNegative() ? Duration.ZERO : left,
						List.of(rule.warningPercent())), at);
			});
	}

	/** The outcome was recorded: the implementation clock stops. */
	void implemented(ChangeRequest change, Instant at) {
		stop(change, ClockKind.RESOLUTION, at);
	}

	/** Where the change's clocks stand now, approval first; empty without clocks. */
	List<ChangeSlaClock> of(long changeId) {
		List<ChangeSlaClock> states = new ArrayList<>();
		for (ClockKind kind : ClockKind.values()) {
			clocks.state(subject(changeId), kind).ifPresent(state -> states.add(ChangeSlaClock.of(name(kind), state)));
		}
		return states;
	}

	private void stop(ChangeRequest change, ClockKind kind, Instant at) {
		Optional<ClockState> state = clocks.state(subject(change.id()), kind, at);
		if (state.isPresent() && state.get().status() != ClockState.Status.STOPPED) {
			clocks.stop(subject(change.id()), kind, at);
		}
	}

	/** A change has no priority; its risk level stands in for it in the SLA module's records. */
	static Priority priority(RiskLevel risk) {
		return switch (risk) {
			case CRITICAL -> Priority.P1;
			case HIGH -> Priority.P2;
			case MEDIUM -> Priority.P3;
			case LOW -> Priority.P4;
		};
	}
}
