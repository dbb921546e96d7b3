package org.yunwei.ticket.internal.mail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yunwei.ticket.TicketType;

/**
 * The mailbox the e-mail intake polls and where its new tickets go ({@code yunwei.mail.intake.*}, documented in
 * {@code docs/integrations/email.md}). The scheduled poller uses the configured values; a test or an administrator's
 * trial run passes its own.
 *
 * @param enabled whether the scheduled poller runs at all
 * @param protocol {@code imaps} (default, TLS) or {@code imap}
 * @param port {@code null} for the protocol's default (993 or 143)
 * @param password never logged, never shown: {@link #toString()} leaves it out
 * @param folder the folder read, {@code INBOX} by default
 * @param pollInterval how long the poller waits after one poll before the next, one minute by default
 * @param batchSize the most messages one poll reads, so that one poll stays short while a backlog drains
 * @param customerOrgUnitId the customer unit of a new ticket whose sender is neither a known user nor of a mapped
 *        domain; required when enabled
 * @param serviceId the catalogue service of new tickets, or {@code null}; left out for a unit that may not order it
 * @param groupId the assignment group new tickets go to, or {@code null} to leave them for the service desk's queue
 * @param ticketType {@code INCIDENT} (default) or {@code SERVICE_REQUEST}
 * @param senderDomains sender domain (lower case, e.g. {@code hrss.gov.cn}) → customer unit id, for senders who are
 *        not users
 */
@ConfigurationProperties("yunwei.mail.intake")
public record MailboxSettings(boolean enabled, String host, Integer port, String protocol, String username,
		String password, String folder, Duration pollInterval, Integer batchSize, Long customerOrgUnitId,
		Long serviceId, Long groupId, String ticketType, Map<String, Long> senderDomains) {

	public MailboxSettings {
		protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.strip().toLowerCase(Locale.ROOT);
		folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
		pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
		batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
		ticketType = ticketType == null || ticketType.isBlank() ? TicketType.INCIDENT.name() : ticketType.strip();
		Map<String, Long> domains = new LinkedHashMap<>();
		if (senderDomains != null) {
			senderDomains.forEach((domain, unit) -> domains.put(domain.strip().toLowerCase(Locale.ROOT), unit));
		}
		senderDomains = Map.copyOf(domains);
	}

	/** The port to connect to: the configured one, or the protocol's default. */
	int effectivePort() {
		return port != null ? port : "imaps".equals(protocol) ? 993 : 143;
	}

	/** Names the mailbox in records and logs, without the password. */
	String address() {
		return username + "@" + host + ":" + effectivePort() + "/" + folder;
	}

	/** The customer unit of a sender who is not a user: by the domain of their address, else the default. */
	Long unitForDomain(String senderAddress) {
		int at = senderAddress == null ? -1 : senderAddress.lastIndexOf('@');
		if (at >= 0) {
			String domain = senderAddress.substring(at + 1).toLowerCase(Locale.ROOT);
			// a subdomain (mail.hrss.gov.cn) belongs to its mapped parent (hrss.gov.cn)
			for (String candidate = domain; candidate.contains("."); candidate = candidate
				.substring(candidate.indexOf('.') + 1)) {
				Long unit = senderDomains.get(candidate);
				if (unit != null) {
					return unit;
				}
			}
		}
		return customerOrgUnitId;
	}

	@Override
	public String toString() {
		return "MailboxSettings[" + protocol + "://" + address() + ", enabled=" + enabled + ", unit="
				+ customerOrgUnitId + ", service=" + serviceId + ", group=" + groupId + "]";
	}
}
