package org.yunwei.sla.internal.attainment;

import org.yunwei.identity.Actor;
import org.yunwei.web.RejectedRequest;

/**
 * Whose agreements a reader of attainment reports sees. Management (管理方) and supervision (监理方) assess every
 * provider; a provider (服务方) assesses itself, so sees only the agreements it provides; customers are refused even
 * when a custom role grants them SLA_REPORT, as the reports compare providers across all customers.
 *
 * @param providerPartyId the only provider whose agreements are visible; {@code null} for all
 */
record AttainmentScope(Long providerPartyId) {

	static AttainmentScope of(Actor actor) {
		return switch (actor.partyKind()) {
			case MANAGEMENT, SUPERVISION -> new AttainmentScope(null);
			case PROVIDER -> new AttainmentScope(actor.partyId());
			case CUSTOMER -> throw RejectedRequest.forbidden("problem.forbidden");
		};
	}
}
