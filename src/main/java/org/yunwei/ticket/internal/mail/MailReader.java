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
	static final int ID_MAX = 500;

	private final TicketSettings settings;

	MailReader(TicketSettings settings) {
		this.settings = settings;
	}

	MailInbound read(Message message) throws MessagingException, IOException, MailUnreadable {
		InternetAddress from = sender(message);
		Body body = new Body();
		try {
			walk(message, body, 0);
		}
		catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException away) {
			throw away;
		}
		catch (MessagingException structureRefused) {
			if (!(message instanceof jakarta.mail.internet.MimeMessage mime)) {
				throw structureRefused;
			}
			// a server that cannot describe a broken structure (BODYSTRUCTURE) still hands out the bytes: the
			// message is read whole and taken apart here instead
			body = new Body();
			walk(new jakarta.mail.internet.MimeMessage(mime), body, 0);
		}
		String text = body.plain != null ? body.plain : body.html != null ? MailText.fromHtml(body.html) : "";
		String subject = subject(message);
		return new MailInbound(messageId(message), references(message), from.getAddress().toLowerCase(Locale.ROOT),
				MailText.clean(from.getPersonal()), subject == null ? "" : MailText.clean(subject), MailText.clean(text),
				List.copyOf(body.attachments), MailAutomatic.of(message), MailAutomatic.bulk(message),
				List.copyOf(body.remarks));
	}

	/**
	 * The Message-ID as the intake keys it, or a digest of the whole message when it has none, so that it is still
	 * filed only once. An identifier longer than {@link #ID_MAX} (seen at 3 kB) is keyed by its digest: the unique
	 * index cannot hold it, and a reply naming it finds it by the same digest.
	 */
	static String messageId(Message message) throws MessagingException, IOException {
		String[] header = message.getHeader("Message-ID");
		if (header != null && header.length > 0 && !header[0].isBlank()) {
			return key(header[0]);
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

	/** A Message-ID as it is recorded: without control characters, and by its digest when it is too long. */
	static String key(String messageId) {
		String id = MailText.clean(messageId.strip());
		if (id.length() <= ID_MAX) {
			return id;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return "<sha256." + HexFormat.of().formatHex(digest) + "@long-message-id.yunwei>";
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** The sender as far as it can be read, for the record of a message that failed. */
	static String senderOrNull(Message message) {
		try {
			Address[] from = from(message);
			return from == null || from.length == 0 ? null : MimeUtility.decodeText(from[0].toString());
		}
		catch (MessagingException | IOException | RuntimeException unreadable) {
			return null;
		}
	}

	static String subjectOrNull(Message message) {
		try {
			return subject(message);
		}
		catch (MessagingException | RuntimeException unreadable) {
			return null;
		}
	}

	/** The subject, its raw 8-bit bytes read by detection (older mail systems send GBK without encoded words). */
	static String subject(Message message) throws MessagingException {
		String[] raw = message.getHeader("Subject");
		if (raw == null || raw.length == 0) {
			return null;
		}
		String unfolded = MimeUtility.unfold(MailText.eightBit(raw[0]));
		try {
			return MimeUtility.decodeText(unfolded);
		}
		catch (java.io.UnsupportedEncodingException undecodable) {
			return unfolded;
		}
	}

	/** The From addresses, their raw 8-bit display names read by detection as the subject is. */
	private static Address[] from(Message message) throws MessagingException {
		String[] raw = message.getHeader("From");
		if (raw == null || raw.length == 0) {
			return message.getFrom();
		}
		return InternetAddress.parseHeader(MimeUtility.unfold(MailText.eightBit(raw[0])), false);
	}

	private static InternetAddress sender(Message message) throws MessagingException, MailUnreadable {
		Address[] from;
		try {
			from = from(message);
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
				while (matcher.find() && ids.size() < 100) {
					ids.add(key(matcher.group()));
				}
			}
		}
		return ids;
	}

	private void walk(Part part, Body body, int depth) throws MessagingException, IOException, MailUnreadable {
		if (depth > MAX_DEPTH) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			int parts = 0;
			try {
				if (part.getContent() instanceof Multipart multipart) {
					parts = multipart.getCount();
					for (int i = 0; i < parts; i++) {
						walk(multipart.getBodyPart(i), body, depth + 1);
					}
				}
			}
			catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException away) {
				throw away;
			}
			catch (MessagingException unparsable) {
				parts = 0;
			}
			if (parts == 0 && body.plain == null) {
				// no boundary, so no parts: the body is kept as it came, and the ticket says so
				body.plain = undeclared(raw(part));
				body.remarks.add("ticket.mail.note.no-boundary");
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
		name = MailText.clean(name);
		return name.isEmpty() ? null : MailText.fit(name, 200);
	}

	private static String text(Part part) throws MessagingException, IOException, MailUnreadable {
		String declared = new ContentType(part.getContentType()).getParameter("charset");
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		if (declared == null || declared.isBlank()) {
			return undeclared(bytes);
		}
		return charset(declared).newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/** Text without a declared character set: UTF-8 when it is valid UTF-8, else GB18030. */
	private static String undeclared(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	/** The body of a part as it is stored, transfer encoding undone where it can be. */
	private static byte[] raw(Part part) throws MessagingException, IOException {
		try (InputStream in = part instanceof jakarta.mail.internet.MimePart mime ? rawOf(mime) : part.getInputStream()) {
			return in.readNBytes(1024 * 1024);
		}
	}

	private static InputStream rawOf(jakarta.mail.internet.MimePart part) throws MessagingException {
		InputStream raw = part instanceof jakarta.mail.internet.MimeMessage message ? message.getRawInputStream()
				: ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream();
		String encoding = part.getEncoding();
		return encoding == null ? raw : MimeUtility.decode(raw, encoding);
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
		final List<String> remarks = new ArrayList<>();
	}
}
