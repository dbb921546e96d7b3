package org.yunwei.ticket.internal.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

import org.yunwei.support.TestDirectory;

/**
 * A mailbox of its own on an in-process GreenMail server, for one test: delivers the raw {@code .eml} fixtures of
 * {@code src/test/resources/mail} byte for byte (their {@code @UNIQUE@} replaced by a token of the test, so that
 * tests sharing one database never share a Message-ID or a subject) and looks into its folders as a mail client
 * would.
 */
final class TestMailbox {

	final GreenMail server;
	final GreenMailUser user;
	final String address;
	final String token = TestDirectory.unique("m");

	TestMailbox(GreenMail server, String name) {
		this.server = server;
		String login = TestDirectory.unique(name);
		this.address = login + "@yunwei.test";
		this.user = server.setUser(address, login, "secret");
	}

	/** Delivers a fixture; answers its Message-ID as delivered. */
	String deliver(String fixture) throws IOException, MessagingException {
		byte[] raw;
		try (InputStream in = TestMailbox.class.getResourceAsStream("/mail/" + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + fixture);
			}
			raw = in.readAllBytes();
		}
		// ISO-8859-1 maps each byte to one char and back: the 8-bit bytes stay exactly as they were
		String bytes = new String(raw, StandardCharsets.ISO_8859_1).replace("@UNIQUE@", token);
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
		user.deliver(message);
		return message.getMessageID();
	}

	/** Settings that poll this mailbox over plain IMAP (GreenMail offers no STARTTLS). */
	MailboxSettings settings(long unit, Long service, Long group) {
		return MailboxSettings.of("127.0.0.1", server.getImap().getPort(), "imap", user.getLogin(), "secret", unit,
				service, group).withTransport(true, null);
	}

	int count(String folder) throws MessagingException {
		return inFolder(folder, Folder::getMessageCount);
	}

	int unseen(String folder) throws MessagingException {
		return inFolder(folder, Folder::getUnreadMessageCount);
	}

	int flagged(String folder) throws MessagingException {
		return inFolder(folder, f -> {
			int n = 0;
			for (Message message : f.getMessages()) {
				n += message.isSet(Flags.Flag.FLAGGED) ? 1 : 0;
			}
			return n;
		});
	}

	private interface Count {
		int of(Folder folder) throws MessagingException;
	}

	private int inFolder(String name, Count count) throws MessagingException {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", server.getImap().getPort(), user.getLogin(), "secret");
		try (store) {
			Folder folder = store.getFolder(name.replace('/', store.getDefaultFolder().getSeparator()));
			if (!folder.exists()) {
				return 0;
			}
			folder.open(Folder.READ_ONLY);
			try {
				return count.of(folder);
			}
			finally {
				folder.close(false);
			}
		}
	}
}
