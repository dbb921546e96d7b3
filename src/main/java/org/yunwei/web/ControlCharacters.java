package org.yunwei.web;

/**
 * The one rule for control characters in what people and systems submit: tab, line feed and carriage return belong
 * to text (multi-line descriptions, pasted tables); every other control character (NUL, escape, DEL, the C1 range)
 * does not. PostgreSQL refuses NUL in text outright, and the others hide content from the person reading it. Every
 * JSON body, form post, query parameter and file name is held to it before a controller sees it; imports apply it
 * to each value they read.
 */
public final class ControlCharacters {

	/** The message key of the mistake, with the field name as its argument. */
	public static final String MESSAGE_KEY = "field.control-characters";

	private ControlCharacters() {
	}

	/** Whether {@code value} holds a control character other than tab, line feed or carriage return. */
	public static boolean in(CharSequence value) {
		if (value == null) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}
}
