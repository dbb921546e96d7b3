package org.yunwei.ticket.internal.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the intake talks to its IMAP server. {@code imaps} is TLS from the first byte; {@code imap} must upgrade with
 * STARTTLS before it logs in, and refuses a server that does not offer it unless plain is explicitly allowed — a
 * password on port 143 in clear is what a mail administrator forbids. The server's host name is checked either way.
 * A private CA ({@link MailboxSettings#trustedCa()}) is trusted through a socket factory of this connection alone:
 * the JVM's default SSL context, which the robots' webhooks use, never learns of it.
 */
final class MailboxConnection {

	private MailboxConnection() {
	}

	static Properties properties(MailboxSettings mailbox) {
		String protocol = mailbox.protocol();
		Properties properties = new Properties();
		properties.put("mail.store.protocol", protocol);
		// a slow or silent server must not hold the poll (and its ShedLock) for ever
		properties.put("mail.%s.connectiontimeout".formatted(protocol), "30000");
		properties.put("mail.%s.timeout".formatted(protocol), "60000");
		properties.put("mail.%s.writetimeout".formatted(protocol), "60000");
		// BODY.PEEK: reading a message does not mark it \Seen; only a committed filing does
		properties.put("mail.%s.peek".formatted(protocol), "true");
		// attachments come in 1 MiB pieces rather than the default 16 KiB: fewer round trips per file
		properties.put("mail.%s.fetchsize".formatted(protocol), String.valueOf(1024 * 1024));
		properties.put("mail.%s.ssl.checkserveridentity".formatted(protocol), "true");
		if ("imap".equals(protocol)) {
			properties.put("mail.imap.starttls.enable", "true");
			properties.put("mail.imap.starttls.required", String.valueOf(!mailbox.allowPlain()));
		}
		if (mailbox.trustedCa() != null) {
			// used for imaps and for the STARTTLS upgrade alike
			properties.put("mail.%s.ssl.socketFactory".formatted(protocol), socketFactory(Path.of(mailbox.trustedCa())));
		}
		return properties;
	}

	/** An SSL socket factory that trusts the CAs of the PEM file and nothing else. */
	static SSLSocketFactory socketFactory(Path pem) {
		try (InputStream in = Files.newInputStream(pem)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new IllegalStateException("yunwei.mail.intake.trusted-ca: no certificate in " + pem);
			}
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			int n = 0;
			for (Certificate certificate : certificates) {
				trusted.setCertificateEntry("ca-" + n++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException unreadable) {
			throw new IllegalStateException("yunwei.mail.intake.trusted-ca: cannot read " + pem + ": " + unreadable);
		}
		catch (GeneralSecurityException invalid) {
			throw new IllegalStateException("yunwei.mail.intake.trusted-ca: not a PEM file of certificates: " + pem
					+ ": " + invalid.getMessage());
		}
	}
}
