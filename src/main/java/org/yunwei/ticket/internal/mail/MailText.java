package org.yunwei.ticket.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yunwei.ticket.TicketType;

/**
 * What a person wrote in an e-mail, without the markup and the earlier messages their mail program quoted below it.
 * Mail programs mark the quote differently: Outlook ("-----Original Message-----", "-----邮件原件-----", a line of
 * underscores then "发件人:"/"From:" with "发送时间:"/"Sent:"), QQ and Foxmail ("------------------ 原始邮件
 * ------------------"), Gmail and Apple Mail ("在 2026年11月22日 周日 10:00，张三 写道：", "On … wrote:"), and
 * plain-text clients ("&gt; " lines).
 */
final class MailText {

	private static final Pattern NUMBER = Pattern.compile("\\[((?:" + java.util.Arrays.stream(TicketType.values())
		.map(TicketType::prefix).collect(java.util.stream.Collectors.joining("|")) + ")-\\d{8}-\\d{4,})\\]");
	private static final Pattern REPLY_PREFIX = Pattern
		.compile("^(?:\\s*(?:re|fw|fwd|aw|wg|回复|答复|转发)\\s*(?:\\[\\d+\\])?\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);
	private static final Pattern SEPARATOR = Pattern.compile(
			"^\\s*-{2,}\\s*(?:original message|原始邮件|邮件原件|原邮件|forwarded message|转发邮件)\\s*-{2,}\\s*$",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{20,}\\s*$");
	private static final Pattern HEADER_FROM = Pattern.compile("^\\s*(?:发件人|from)\\s*[:：]", Pattern.CASE_INSENSITIVE);
	private static final Pattern HEADER_SENT = Pattern
		.compile("^\\s*(?:发送时间|时间|日期|sent|date)\\s*[:：]", Pattern.CASE_INSENSITIVE);
	private static final Pattern WROTE_END = Pattern.compile("(?:写道\\s*[:：]?|wrote\\s*:)\\s*$",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern WROTE_START = Pattern.compile("^\\s*(?:在|on\\s)", Pattern.CASE_INSENSITIVE);

	private static final Pattern DROPPED_ELEMENTS = Pattern
		.compile("<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern INNERMOST_BLOCKQUOTE = Pattern.compile(
			"<blockquote\\b[^>]*>(?:(?!<blockquote\\b).)*?</blockquote\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern ADJACENT_BLOCKS = Pattern.compile(
			"</(?:p|div|li|tr|h[1-6])\\s*>\\s*<(?:p|div|li|tr|h[1-6])\\b[^>]*>", Pattern.CASE_INSENSITIVE);
	private static final Pattern LINE_BREAKS = Pattern.compile(
			"<br\\s*/?>|</(?:p|div|tr|li|h[1-6]|table|blockquote|pre)\\s*>|<(?:p|div|tr|li|h[1-6])\\b[^>]*>",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern CELL_BREAKS = Pattern.compile("</t[dh]\\s*>", Pattern.CASE_INSENSITIVE);
	private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
	private static final Pattern TAGS = Pattern.compile("<[^>]*>");
	private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

	private MailText() {
	}

	/** The ticket number in brackets in a subject, as the notification e-mails carry it. */
	static Optional<String> ticketNumber(String subject) {
		if (subject == null) {
			return Optional.empty();
		}
		Matcher matcher = NUMBER.matcher(subject);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** A subject fit for a new ticket: without "Re:"/"回复："-style prefixes and surplus spaces. */
	static String subject(String subject) {
		if (subject == null) {
			return "";
		}
		return REPLY_PREFIX.matcher(subject.strip()).replaceFirst("").replaceAll("\\s+", " ").strip();
	}

	/** The text of an HTML body: blocks become lines, quoted blocks go, entities are decoded. */
	static String fromHtml(String html) {
		String text = COMMENTS.matcher(html).replaceAll("");
		text = DROPPED_ELEMENTS.matcher(text).replaceAll("");
		String previous;
		do {
			previous = text;
			text = INNERMOST_BLOCKQUOTE.matcher(text).replaceAll("\n");
		}
		while (!text.equals(previous));
		text = text.replaceAll("[\\r\\n]+", " ");
		// one block after another is one line break, not the two that its end and the next one's start would give
		text = ADJACENT_BLOCKS.matcher(text).replaceAll("\n");
		text = LINE_BREAKS.matcher(text).replaceAll("\n");
		text = CELL_BREAKS.matcher(text).replaceAll("\t");
		text = TAGS.matcher(text).replaceAll("");
		text = decodeEntities(text);
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\n", -1)) {
			lines.add(line.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip());
		}
		return String.join("\n", lines);
	}

	/** The new text of a reply: everything above the first quote marker, without "&gt;" lines. */
	static String withoutQuote(String text) {
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		int end = lines.length;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].replace('\u00a0', ' ');
			if (SEPARATOR.matcher(line).matches() || UNDERSCORES.matcher(line).matches()
					|| HEADER_FROM.matcher(line).find() && sentFollows(lines, i)) {
				end = i;
				break;
			}
			if (WROTE_END.matcher(line).find()) {
				if (WROTE_START.matcher(line).find()) {
					end = i;
					break;
				}
				// the attribution wrapped onto a second line: "在 2026年11月22日 … 张三 <" / "zhang@x.cn> 写道："
				if (i > 0 && WROTE_START.matcher(lines[i - 1]).find() && lines[i - 1].length() < 200) {
					end = i - 1;
					break;
				}
			}
		}
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < end; i++) {
			if (!lines[i].stripLeading().startsWith(">")) {
				kept.append(lines[i].stripTrailing()).append('\n');
			}
		}
		return kept.toString().replaceAll("\n{3,}", "\n\n").strip();
	}

	/**
	 * Text fit for the database and for a page: without NUL and the other control characters (PostgreSQL refuses
	 * NUL in text, and a subject of one made the record of its own failure fail), and without lone surrogates.
	 * Line breaks and tabs stay.
	 */
	static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				kept.append(c).append(text.charAt(++i));
			}
			else if (c == '\n' || c == '\t' || c == '\r'
					|| !Character.isISOControl(c) && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	/** Clean text cut to a column's length; what a failure record holds, whatever the message held. */
	static String cleanFit(String text, int maxLength) {
		return fit(clean(text), maxLength);
	}

	/**
	 * A header that arrived as raw 8-bit bytes (read as Latin-1, one character per byte) read by detection instead:
	 * as UTF-8 when the bytes are valid UTF-8, else as GB18030 (which holds GB2312 and GBK) when they are valid
	 * GB18030, else as Latin-1 after all. A header with encoded words only ({@code =?…?=}) is ASCII and stays as it is.
	 */
	static String eightBit(String raw) {
		if (raw == null) {
			return null;
		}
		boolean eight = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c > 0xFF) {
				// already decoded (a server that speaks UTF-8): nothing to detect
				return raw;
			}
			eight |= c >= 0x80;
		}
		if (!eight) {
			return raw;
		}
		byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.UTF_8,
				java.nio.charset.Charset.forName("GB18030"))) {
			try {
				return charset.newDecoder()
					.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
					.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
					.decode(java.nio.ByteBuffer.wrap(bytes))
					.toString();
			}
			catch (java.nio.charset.CharacterCodingException notThisOne) {
				// the next one
			}
		}
		return raw;
	}

	/** Text cut to a column's length, marked where it was cut. */
	static String fit(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		int end = maxLength - 1;
		// never half a surrogate pair
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	private static boolean sentFollows(String[] lines, int from) {
		for (int i = from + 1; i < Math.min(lines.length, from + 5); i++) {
			if (HEADER_SENT.matcher(lines[i].replace('\u00a0', ' ')).find()) {
				return true;
			}
		}
		return false;
	}

	private static String decodeEntities(String text) {
		Matcher matcher = ENTITY.matcher(text);
		StringBuilder decoded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(decoded, Matcher.quoteReplacement(entity(matcher.group(1), matcher.group())));
		}
		matcher.appendTail(decoded);
		return decoded.toString();
	}

	private static String entity(String name, String original) {
		if (name.startsWith("#")) {
			try {
				int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
						? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
				return Character.isValidCodePoint(code) ? Character.toString(code) : "";
			}
			catch (NumberFormatException tooLong) {
				return "";
			}
		}
		return switch (name.toLowerCase(java.util.Locale.ROOT)) {
			case "nbsp" -> " ";
			case "lt" -> "<";
			case "gt" -> ">";
			case "amp" -> "&";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "ldquo" -> "“";
			case "rdquo" -> "”";
			case "lsquo" -> "‘";
			case "rsquo" -> "’";
			case "mdash" -> "—";
			case "ndash" -> "–";
			case "hellip" -> "…";
			case "middot" -> "·";
			case "copy" -> "©";
			default -> original;
		};
	}
}
