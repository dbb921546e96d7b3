package org.yunwei.sla.internal.clock;

import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.RejectedRequest;

/**
 * Who may read clocks: management (管理方) and supervision (监理方) only. Clocks name objects of every customer and
 * provider, so a provider or customer is refused even when a custom role grants it SLA_REPORT or SLA_MANAGE.
 */
final class ClockAssessors {

	private ClockAssessors() {
	}

	static void require(Actor actor) {
		PartyKind party = actor.partyKind();
		if (party != PartyKind.MANAGEMENT && party != PartyKind.SUPERVISION) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
	}
}
