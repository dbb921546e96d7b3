package org.yunwei.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a keyset page: the parts that locate the last row read (sort, value, id, …),
 * base64url-encoded so that clients pass it back unchanged and never build one themselves.
 */
public final class KeysetCursor {

	private static final String SEPARATOR = "\n";

	private KeysetCursor() {
	}

	public static String encode(Object... parts) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			text.append(i == 0 ? "" : SEPARATOR).append(parts[i]);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The parts of a cursor made by {@link #encode} with {@code count} parts (the last may hold anything), or empty
	 * when the text is not such a cursor.
	 */
	public static Optional<String[]> decode(String cursor, int count) {
		if (cursor == null) {
			return Optional.empty();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
				.split(SEPARATOR, count);
			return parts.length == count ? Optional.of(parts) : Optional.empty();
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	/** The id of a cursor made by {@code encode(id)}, or empty when the text is not such a cursor. */
	public static Optional<Long> decodeId(String cursor) {
		return decode(cursor, 1).flatMap(parts -> {
			try {
				return Optional.of(Long.parseLong(parts[0]));
			}
			catch (NumberFormatException notAnId) {
				return Optional.empty();
			}
		});
	}
}
