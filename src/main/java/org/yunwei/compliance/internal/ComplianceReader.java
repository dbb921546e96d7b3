package org.yunwei.compliance.internal;

import org.yunwei.identity.Actor;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Whose evidence a reader of the register sees. Management (管理方) and supervision (监理方) assess every provider, or
 * one they pick; a provider (服务方) sees its own contract's evidence whatever it asks for; customers are refused even
 * when a custom role grants them COMPLIANCE_READ, as the register compares providers across all customers.
 *
 * @param providerPartyId the only provider whose evidence counts; {@code null} for all
 * @param mayPick whether the reader may pick a provider (management and supervision)
 */
record ComplianceReader(Long providerPartyId, boolean mayPick) {

	static ComplianceReader of(Actor actor) {
		if (!actor.can(Permission.COMPLIANCE_READ)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return switch (actor.partyKind()) {
			case MANAGEMENT, SUPERVISION -> new ComplianceReader(null, true);
			case PROVIDER -> new ComplianceReader(actor.partyId(), false);
			case CUSTOMER -> throw RejectedRequest.forbidden("problem.forbidden");
		};
	}
}
