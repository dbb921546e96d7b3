package org.yunwei.ticket.internal.group;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.EscalationTargets;
import org.yunwei.ticket.internal.boundary.PartyBoundary;

/**
 * The group a functional escalation step (职能升级) hands a ticket to: the enabled group whose code the step names,
 * or the current group's second line for {@link EscalationStep#SECOND_LINE}, and only within the party boundary
 * ({@link PartyBoundary#mayHandOver}). An agreement is checked against the same rule when it is saved; a step that
 * no longer reaches a group when a ticket gets there is a failure to record, never a hand-over somewhere else.
 */
@Component
public class EscalationTargetGroups implements EscalationTargets {

	private final AssignmentGroups groups;
	private final PartyBoundary boundary;

	EscalationTargetGroups(AssignmentGroups groups, PartyBoundary boundary) {
		this.groups = groups;
		this.boundary = boundary;
	}

	@Override
	public boolean acceptsFunctional(String target, long providerPartyId) {
		return isSecondLine(target) || groups.findByCode(target).filter(AssignmentGroup::enabled)
			.filter(g -> boundary.mayHandOver(providerPartyId, g.partyId())).isPresent();
	}

	@Override
	public List<FunctionalTarget> functionalChoices(DataScope scope, Long providerPartyId) {
		return groups.visibleTo(scope).stream().filter(AssignmentGroup::enabled)
			.filter(g -> providerPartyId == null || boundary.mayHandOver(providerPartyId, g.partyId()))
			.map(g -> new FunctionalTarget(g.code(), g.name()))
			.toList();
	}

	/**
	 * Where a step leads a ticket of this provider that is now in {@code currentGroupId}.
	 *
	 * @param providerPartyId the party working the ticket; {@code null} when none does yet, and then only
	 *        management's groups may take it
	 */
	public Reach reach(String target, Long currentGroupId, Long providerPartyId) {
		boolean secondLine = isSecondLine(target);
		Optional<AssignmentGroup> group = secondLine ? Optional.ofNullable(currentGroupId).flatMap(groups::find)
			.map(AssignmentGroup::escalationGroupId).flatMap(groups::find) : groups.findByCode(target);
		if (group.isEmpty()) {
			return Reach.failed(secondLine ? Failure.NO_SECOND_LINE : Failure.UNKNOWN_GROUP);
		}
		if (!group.get().enabled()) {
			return Reach.failed(Failure.DISABLED_GROUP);
		}
		return boundary.mayHandOver(providerPartyId, group.get().partyId()) ? new Reach(group.get(), null)
				: Reach.failed(Failure.OTHER_PARTY);
	}

	private static boolean isSecondLine(String target) {
		return EscalationStep.SECOND_LINE.equals(target);
	}

	/** Why a step reached no group. */
	public enum Failure {
		/** No group has the step's code. */
		UNKNOWN_GROUP,
		/** The group is disabled. */
		DISABLED_GROUP,
		/** The group belongs to another party than the ticket's provider, and not to management. */
		OTHER_PARTY,
		/** The step names the second line, and the ticket's group has none. */
		NO_SECOND_LINE
	}

	/** The group a step reached, or why it reached none ({@code group} is then {@code null}). */
	public record Reach(AssignmentGroup group, Failure failure) {

		static Reach failed(Failure failure) {
			return new Reach(null, failure);
		}
	}
}
