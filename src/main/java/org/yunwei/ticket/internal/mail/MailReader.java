package org.yunwei.ticket.internal.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * Reads an e-mail into an {@link MailInbound}: the sender, the subject, the Message-IDs it answers, its text (the
 * plain part preferred, else the HTML part without markup) and its attachments. Chinese mail is often labelled
 * GB2312 while it holds GBK characters, so GB2312 and GBK are read as GB18030, which contains both; a body without a
 * character set is read as UTF-8 when it is valid UTF-8 and as GB18030 otherwise. A character set Java does not know
 * makes the message unreadable rather than garbled.
 */
@Component
class MailReader {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
	private static final int MAX_DEPTH = 10;

	private final TicketSettings settings;

	MailReader(TicketSettings settings) {
		this.settings = settings;
	}

	MailInbound read(Message message) throws MessagingException, IOException, MailUnreadable {
		InternetAddress from = sender(message);
		Body body = new Body();
		walk(message, body, 0);
		String text = body.plain != null ? body.plain : body.html != null ? MailText.fromHtml(body.html) : "";
		String subject = message.getSubject();
		return new MailInbound(messageId(message), references(message), from.getAddress().toLowerCase(Locale.ROOT),
				from.getPersonal(), subject == null ? "" : subject, text, List.copyOf(body.attachments),
				automatic(message));
	}

	/** The Message-ID, or a digest of the whole message when it has none, so that it is still filed only once. */
	static String messageId(Message message) throws MessagingException, IOException {
		String[] header = message.getHeader("Message-ID");
		if (header != null && header.length > 0 && !header[0].isBlank()) {
			return header[0].strip();
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
				message.writeTo(out);
			}
			return "<sha256." + HexFormat.of().formatHex(digest.digest()) + "@mail-intake.yunwei>";
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** The sender as far as it can be read, for the record of a message that failed. */
	static String senderOrNull(Message message) {
		try {
			Address[] from = message.getFrom();
			return from == null || from.length == 0 ? null : MimeUtility.decodeText(from[0].toString());
		}
		catch (MessagingException | IOException | RuntimeException unreadable) {
			return null;
		}
	}

	static String subjectOrNull(Message message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException | RuntimeException unreadable) {
			return null;
		}
	}

	private static InternetAddress sender(Message message) throws MessagingException, MailUnreadable {
		Address[] from;
		try {
			from = message.getFrom();
		}
		catch (AddressException malformed) {
			throw new MailUnreadable("ticket.mail.failure.sender", malformed.getRef());
		}
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
				|| address.getAddress() == null || !address.getAddress().contains("@")) {
			throw new MailUnreadable("ticket.mail.failure.no-sender");
		}
		return address;
	}

	private static List<String> references(Message message) throws MessagingException {
		List<String> ids = new ArrayList<>(ids(message.getHeader("In-Reply-To")));
		List<String> references = ids(message.getHeader("References"));
		Collections.reverse(references);
		ids.addAll(references);
		return ids.stream().distinct().toList();
	}

	private static List<String> ids(String[] headers) {
		List<String> ids = new ArrayList<>();
		if (headers != null) {
			for (String header : headers) {
				Matcher matcher = MESSAGE_ID.matcher(header);
				while (matcher.find()) {
					ids.add(matcher.group());
				}
			}
		}
		return ids;
	}

	private static boolean automatic(Message message) throws MessagingException {
		String submitted = first(message, "Auto-Submitted");
		String precedence = first(message, "Precedence");
		return submitted != null && !submitted.strip().equalsIgnoreCase("no")
				|| first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null
				|| precedence != null && List.of("auto_reply", "junk").contains(precedence.strip().toLowerCase(Locale.ROOT));
	}

	private static String first(Message message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	private void walk(Part part, Body body, int depth) throws MessagingException, IOException, MailUnreadable {
		if (depth > MAX_DEPTH) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					walk(multipart.getBodyPart(i), body, depth + 1);
				}
			}
			return;
		}
		String filename = filename(part);
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null
				|| part.isMimeType("message/rfc822");
		if (!attached && part.isMimeType("text/plain") && body.plain == null) {
			body.plain = text(part);
		}
		else if (!attached && part.isMimeType("text/html") && body.html == null) {
			body.html = text(part);
		}
		else if (attached) {
			body.attachments.add(attachment(part, filename != null ? filename
					: part.isMimeType("message/rfc822") ? "message.eml" : "attachment"));
		}
	}

	private static String filename(Part part) throws MessagingException {
		String name = part.getFileName();
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			// some mail programs encode file names as they encode subjects (RFC 2047), not as parameters (RFC 2231)
			name = MimeUtility.decodeText(name);
		}
		catch (java.io.UnsupportedEncodingException undecodable) {
			// kept as it came
		}
		// only the name: a path in it must not place the file anywhere
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return name.isEmpty() ? null : MailText.fit(name, 200);
	}

	private static String text(Part part) throws MessagingException, IOException, MailUnreadable {
		String declared = new ContentType(part.getContentType()).getParameter("charset");
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		if (declared == null || declared.isBlank()) {
			try {
				return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException notUtf8) {
				return new String(bytes, Charset.forName("GB18030"));
			}
		}
		return charset(declared).newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	static Charset charset(String declared) throws MailUnreadable {
		String name = declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
		if (List.of("gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "x-euc-cn", "gb_2312-80", "csgb2312")
			.contains(name)) {
			return Charset.forName("GB18030");
		}
		try {
			return Charset.forName(MimeUtility.javaCharset(name));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
			throw new MailUnreadable("ticket.mail.failure.charset", declared.strip());
		}
	}

	private MailAttachment attachment(Part part, String filename) throws MessagingException, IOException {
		long max = settings.attachmentMaxBytes();
		String type;
		try {
			type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (jakarta.mail.internet.ParseException malformed) {
			type = "application/octet-stream";
		}
		try (InputStream in = part.getInputStream()) {
			// reads one byte past the limit, no more: a file too large is only counted as too large
			byte[] head = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
			if (head.length <= max) {
				return new MailAttachment(filename, type, head, head.length);
			}
			return new MailAttachment(filename, type, null, head.length);
		}
	}

	private static final class Body {
		String plain;
		String html;
		final List<MailAttachment> attachments = new ArrayList<>();
	}
}
