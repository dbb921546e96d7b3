package org.yunwei.sla;

import java.util.List;

import org.yunwei.identity.DataScope;

/**
 * What a functional escalation step (职能升级) may name, answered by the module that keeps the assignment groups
 * (service provider interface): an agreement is refused when it is saved with a step that could not run, or that
 * would hand the provider's records to another provider, rather than failing when a ticket reaches the step.
 * An application without such a module stores the steps unchecked.
 */
public interface EscalationTargets {

	/**
	 * Whether a functional step of an agreement with this provider may name {@code target}: {@link
	 * EscalationStep#SECOND_LINE} or the code of an enabled group of the provider's party or of management's.
	 */
	boolean acceptsFunctional(String target, long providerPartyId);

	/**
	 * The groups the agreement editor offers a functional step by name: the enabled groups the reader sees that the
	 * step may name.
	 *
	 * @param scope the reader's party and organisation scope
	 * @param providerPartyId the agreement's provider; {@code null} while none is chosen, then every group seen
	 * @return the groups by code and name, never {@code null}
	 */
	List<FunctionalTarget> functionalChoices(DataScope scope, Long providerPartyId);

	/** A group a functional step may name: {@code code} is what the step stores, {@code name} what people read. */
	record FunctionalTarget(String code, String name) {
	}
}
