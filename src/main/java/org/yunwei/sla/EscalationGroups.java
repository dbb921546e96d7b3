package org.yunwei.sla;

import java.util.List;

import org.yunwei.identity.DataScope;

/**
 * The assignment groups a functional escalation step can hand a record to, named by the module that keeps them (the
 * ticket module's groups): the SLA editor offers them by name instead of asking for a code. The SLA module defines
 * this contract because the module that keeps groups already depends on it. With no implementation, the editor
 * offers the hierarchical levels only and keeps a functional step's stored code.
 */
public interface EscalationGroups {

	/**
	 * The groups a person of this scope may name in an escalation step.
	 *
	 * @param scope the reader's party and organisation scope
	 * @return the groups by code and name, never {@code null}
	 */
	List<EscalationGroup> visibleTo(DataScope scope);

	/**
	 * One group as an escalation target.
	 *
	 * @param code what the step stores as its target
	 * @param name what the editor shows
	 * @param partyId the provider party whose group it is
	 * @param enabled a disabled group is offered only when a step already names it
	 */
	record EscalationGroup(String code, String name, long partyId, boolean enabled) {
	}
}
