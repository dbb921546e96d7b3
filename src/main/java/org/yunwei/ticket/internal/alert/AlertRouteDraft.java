package org.yunwei.ticket.internal.alert;

import java.util.Map;

/**
 * A new or changed alert route as submitted; {@link AlertRouteAdministration} checks it field by field.
 *
 * @param accountUserId the integration account (a user with role 监控集成账号, permission ALERT_INTAKE)
 * @param position routes are tried from the lowest position; default 100
 * @param matchers label → value, at most 20; none makes the account's default route
 * @param autoResolve default false
 * @param enabled default true
 */
public record AlertRouteDraft(Long accountUserId, String name, Integer position, Map<String, String> matchers,
		Long customerOrgUnitId, Long serviceId, Long groupId, Boolean autoResolve, Boolean enabled) {

	public AlertRouteDraft {
		matchers = matchers == null ? Map.of() : matchers;
	}
}
