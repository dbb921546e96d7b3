package org.yunwei.inspection.internal.check;

/**
 * What one run of a check probes, with the database password already opened (it never leaves the run).
 *
 * @param target a URL (HTTP), a host (TCP, TLS, PING) or a {@code jdbc:postgresql:} URL (DATABASE)
 * @param port the port (TCP, TLS; PING's fallback); {@code null} where the kind needs none
 * @param expectStatus the HTTP status expected; {@code null} for any 2xx or 3xx
 * @param bodyContains a text the HTTP body must contain; {@code null} for none
 * @param slowMillis slower than this is a warning; {@code null} for no limit
 * @param warnDays a certificate with fewer days left is a warning (TLS); {@code null} for 30
 */
public record ProbeTarget(CheckKind kind, String target, Integer port, Integer expectStatus, String bodyContains,
		Integer slowMillis, Integer warnDays, String dbUser, String dbPassword, int timeoutMillis) {

	@Override
	public String toString() {
		// the password stays out of logs and exceptions
		return kind + " " + target + (port == null ? "" : ":" + port);
	}
}
