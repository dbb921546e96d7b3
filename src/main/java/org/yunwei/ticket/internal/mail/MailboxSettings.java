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
 * @param senderDomainList the same map as one line, {@code hrss-x.gov.cn=15,edu.gov.cn=21}: the form an environment
 *        variable ({@code YUNWEI_MAIL_INTAKE_SENDER_DOMAINS}) can carry, since a variable's name cannot hold a domain
 * @param allowPlain whether {@code imap} may log in without TLS when the server offers no STARTTLS; off by default,
 *        so that the password never travels in clear
 * @param trustedCa a PEM file of CA certificates that this mailbox's server certificate may chain to, trusted for
 *        this connection only (the JVM's truststore, which also governs the robots' webhooks, stays as it is)
 * @param failedFolder the folder a message that cannot be filed is moved to (e.g. {@code Yunwei/Failed}), created
 *        when missing; blank: it stays in the folder read, marked read and flagged
 * @param automaticFolder the folder bounces and automatic replies are moved to; blank: the failed folder, and when
 *        that is blank too they stay, marked read and flagged
 * @param acknowledge whether the sender of a mail that opened a ticket gets an acknowledgement with its number and
 *        link (never a bounce, an automatic reply or a mailing list)
 */
@ConfigurationProperties("yunwei.mail.intake")
public record MailboxSettings(boolean enabled, String host, Integer port, String protocol, String username,
		String password, String folder, Duration pollInterval, Integer batchSize, Long customerOrgUnitId,
		Long serviceId, Long groupId, String ticketType, Map<String, Long> senderDomains, String senderDomainList,
		boolean allowPlain, String trustedCa, String failedFolder, String automaticFolder, boolean acknowledge) {

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
		if (senderDomainList != null) {
			for (String pair : senderDomainList.split("[,;\\s]+")) {
				if (pair.isBlank()) {
					continue;
				}
				int equals = pair.indexOf('=');
				if (equals <= 0) {
					throw new IllegalArgumentException(
							"yunwei.mail.intake.sender-domain-list: domain=unit expected, not " + pair);
				}
				try {
					domains.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT),
							Long.valueOf(pair.substring(equals + 1).strip()));
				}
				catch (NumberFormatException notAUnit) {
					throw new IllegalArgumentException(
							"yunwei.mail.intake.sender-domain-list: the unit of " + pair + " is not a number");
				}
			}
		}
		senderDomains = Map.copyOf(domains);
		senderDomainList = null;
		trustedCa = trustedCa == null || trustedCa.isBlank() ? null : trustedCa.strip();
		failedFolder = failedFolder == null || failedFolder.isBlank() ? null : failedFolder.strip();
		automaticFolder = automaticFolder == null || automaticFolder.isBlank() ? failedFolder : automaticFolder.strip();
	}

	/** Plain settings for a mailbox: a test's or an administrator's trial run, with everything optional left out. */
	static MailboxSettings of(String host, Integer port, String protocol, String username, String password,
			Long customerOrgUnitId, Long serviceId, Long groupId) {
		return new MailboxSettings(false, host, port, protocol, username, password, null, null, null,
				customerOrgUnitId, serviceId, groupId, null, Map.of(), null, false, null, null, null, false);
	}

	MailboxSettings withSenderDomains(Map<String, Long> domains) {
		return new MailboxSettings(enabled, host, port, protocol, username, password, folder, pollInterval,
				batchSize, customerOrgUnitId, serviceId, groupId, ticketType, domains, null, allowPlain, trustedCa,
				failedFolder, automaticFolder, acknowledge);
	}

	MailboxSettings withTransport(boolean allowPlain, String trustedCa) {
		return new MailboxSettings(enabled, host, port, protocol, username, password, folder, pollInterval,
				batchSize, customerOrgUnitId, serviceId, groupId, ticketType, senderDomains, null, allowPlain,
				trustedCa, failedFolder, automaticFolder, acknowledge);
	}

	MailboxSettings withSetAside(String failedFolder, String automaticFolder) {
		return new MailboxSettings(enabled, host, port, protocol, username, password, folder, pollInterval,
				batchSize, customerOrgUnitId, serviceId, groupId, ticketType, senderDomains, null, allowPlain,
				trustedCa, failedFolder, automaticFolder, acknowledge);
	}

	MailboxSettings withAcknowledge(boolean acknowledge) {
		return new MailboxSettings(enabled, host, port, protocol, username, password, folder, pollInterval,
				batchSize, customerOrgUnitId, serviceId, groupId, ticketType, senderDomains, null, allowPlain,
				trustedCa, failedFolder, automaticFolder, acknowledge);
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
				+ customerOrgUnitId + ", service=" + serviceId + ", group=" + groupId + ", allowPlain=" + allowPlain
				+ ", trustedCa=" + trustedCa + ", failedFolder=" + failedFolder + ", acknowledge=" + acknowledge + "]";
	}
}
