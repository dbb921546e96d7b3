package org.yunwei.inspection.internal.check;

/**
 * An automated check as asked for (API body and page form). Numbers left out take their defaults: every 300 s, a
 * 5,000 ms timeout, an incident at the first failure, a certificate warning 30 days before expiry.
 *
 * @param kind HTTP, TCP, TLS, PING or DATABASE
 * @param target a URL for HTTP (http or https), a host name or address for TCP, TLS and PING, a
 *        {@code jdbc:postgresql://host:port/database} URL for DATABASE (without a password in it)
 * @param port the port: required for TCP and TLS, the fallback for PING
 * @param dbPassword the database password; sealed at rest, never answered; left out on a change: kept
 * @param ciId the configuration item checked, whose customer unit carries the incident a failure opens
 */
public record AutomatedCheckDraft(String name, String kind, String target, Integer port, Integer expectStatus,
		String bodyContains, Integer slowMillis, Integer warnDays, String dbUser, String dbPassword, Long ciId,
		Integer intervalSeconds, Integer timeoutMillis, Integer failuresToAlert) {

	static AutomatedCheckDraft empty() {
		return new AutomatedCheckDraft(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	@Override
	public String toString() {
		return "AutomatedCheckDraft[" + name + ", " + kind + ", " + target + "]";
	}
}
