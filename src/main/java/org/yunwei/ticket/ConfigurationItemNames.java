package org.yunwei.ticket;

import java.util.Optional;

/**
 * How the service desk names the configuration item a monitoring alert concerns: implemented by the module that keeps
 * the configuration items (cmdb), so that the service desk needs nothing of it. Without an implementation, an alert's
 * incident names the host or instance as the monitoring tool gave it.
 */
public interface ConfigurationItemNames {

	/**
	 * The name tickets give the configuration item that a monitoring tool's host or instance is — a host name, an IP
	 * address, an address with a port ({@code 10.1.1.1:9100}) — when exactly one item matches; empty when none or
	 * several do. Answers for the system, whoever is signed in (the intake runs as an integration account).
	 *
	 * @param host as the tool gave it; never {@code null}
	 */
	Optional<String> ofHost(String host);
}
