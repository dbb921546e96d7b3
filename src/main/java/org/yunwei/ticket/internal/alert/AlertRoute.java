package org.yunwei.ticket.internal.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Where an integration account's alerts go (告警路由): the customer unit, service and assignment group of the incident
 * an alert opens, when every matcher holds for the alert's labels. The account's route without matchers is its
 * default, used when no other matches.
 *
 * @param matchers label → value; empty for the default route
 * @param serviceId {@code null} when the group alone names the provider
 * @param groupId {@code null} to leave the incident unassigned with the service's provider
 * @param autoResolve whether a recovery resolves the incident by itself while it is open
 */
public record AlertRoute(long id, long accountUserId, String name, int position, Map<String, String> matchers,
		long customerOrgUnitId, Long serviceId, Long groupId, boolean autoResolve, boolean enabled,
		Instant updatedAt) {

	public AlertRoute {
		matchers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(matchers));
	}

	public boolean isDefault() {
		return matchers.isEmpty();
	}

	/** Whether the alert has every label this route asks for, with that value. */
	boolean matches(Map<String, Set<String>> labels) {
		return matchers.entrySet().stream()
			.allMatch(m -> labels.getOrDefault(m.getKey(), Set.of()).contains(m.getValue()));
	}
}
