package org.yunwei.inspection.internal.check;

/**
 * How a check is configured, as checked by {@link CheckKeeping}; the password is kept sealed apart.
 *
 * @param ciId the configuration item checked; {@code null} for none (the owner is told of failures then)
 * @param ciName its name when chosen
 */
public record CheckSettings(String name, CheckKind kind, String target, Integer port, Integer expectStatus,
		String bodyContains, Integer slowMillis, Integer warnDays, String dbUser, Long ciId, String ciName,
		int intervalSeconds, int timeoutMillis, int failuresToAlert) {

	/** What the audit trail keeps: everything but the password. */
	java.util.Map<String, Object> audited() {
		java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("name", name);
		values.put("kind", kind.name());
		values.put("target", target);
		values.put("port", port);
		values.put("expectStatus", expectStatus);
		values.put("bodyContains", bodyContains);
		values.put("slowMillis", slowMillis);
		values.put("warnDays", warnDays);
		values.put("dbUser", dbUser);
		values.put("ciId", ciId);
		values.put("intervalSeconds", intervalSeconds);
		values.put("timeoutMillis", timeoutMillis);
		values.put("failuresToAlert", failuresToAlert);
		values.values().removeIf(java.util.Objects::isNull);
		return values;
	}
}
