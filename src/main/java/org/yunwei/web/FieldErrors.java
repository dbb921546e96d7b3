package org.yunwei.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * Collects what is wrong with a submitted form or request body, field by field, so that the person sees every
 * mistake at once rather than one per attempt. Values are message keys, looked up in the requester's language; the
 * common ones ({@code field.required}, {@code field.max.<n>}, {@code field.code}, ...) are in the main bundle.
 */
public final class FieldErrors {

	public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	/** Mobile (13800138000), landline (020-12345678) or international (+86 138...) numbers. */
	public static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{4,28}[0-9]$");
	/** Codes that people type and systems exchange: letters, digits, dot, underscore, hyphen. */
	public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$");

	private final Map<String, String> errors = new LinkedHashMap<>();
	/** For a field that takes one of a set of values, those values, so that a refusal can name them. */
	private final Map<String, String> expected = new LinkedHashMap<>();

	/** Trims a submitted value; blank becomes {@code null}. */
	public static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The value is present and at most {@code maxLength} long (a key {@code field.max.<maxLength>} must exist). */
	public FieldErrors required(String field, String value, int maxLength) {
		return value == null ? add(field, "field.required") : optional(field, value, maxLength);
	}

	public FieldErrors required(String field, Object value) {
		return value == null ? add(field, "field.required") : this;
	}

	public FieldErrors optional(String field, String value, int maxLength) {
		return value != null && value.length() > maxLength ? add(field, "field.max." + maxLength) : this;
	}

	public FieldErrors matches(String field, String value, Pattern pattern, String messageKey) {
		return value != null && !pattern.matcher(value).matches() ? add(field, messageKey) : this;
	}

	public FieldErrors code(String field, String value) {
		return matches(field, value, CODE, "field.code");
	}

	/**
	 * The constant of {@code type} that {@code value} names, in any case; a missing or unknown name is a mistake of
	 * {@code field} ({@code field.required}, {@code field.value.unknown}) and gives {@code null}.
	 */
	public <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
		String cleaned = clean(value);
		if (cleaned == null) {
			add(field, "field.required");
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(cleaned)) {
				return constant;
			}
		}
		add(field, "field.value.unknown");
		expected.putIfAbsent(field, java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
			.collect(java.util.stream.Collectors.joining(", ")));
		return null;
	}

	/**
	 * A typed whole number; blank gives {@code null}, anything else that is not a number is a mistake of
	 * {@code field} ({@code field.number}) and gives {@code null}.
	 */
	public Long wholeNumber(String field, String value) {
		String cleaned = clean(value);
		Long number = cleaned == null ? null : parsed(cleaned);
		if (cleaned != null && number == null) {
			add(field, "field.number");
		}
		return number;
	}

	/** As {@link #wholeNumber}, for a number that must fit an {@code int}. */
	public Integer smallNumber(String field, String value) {
		Long number = wholeNumber(field, value);
		if (number != null && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
			add(field, "field.number");
			return null;
		}
		return number == null ? null : number.intValue();
	}

	/**
	 * The id of a record picked from a list; blank gives {@code null}. An unreadable one (a tampered form) gives an
	 * id that no record has, so that the check of the picked record refuses the field as it would a deleted record.
	 */
	public static Long pickedId(String value) {
		String cleaned = clean(value);
		if (cleaned == null) {
			return null;
		}
		Long id = parsed(cleaned);
		return id == null ? -1L : id;
	}

	private static Long parsed(String number) {
		try {
			return Long.valueOf(number);
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	/** Adds a mistake unless the field already has one: the first found is the one to fix first. */
	public FieldErrors add(String field, String messageKey) {
		errors.putIfAbsent(field, messageKey);
		return this;
	}

	public boolean has(String field) {
		return errors.containsKey(field);
	}

	public boolean isEmpty() {
		return errors.isEmpty();
	}

	public Map<String, String> asMap() {
		return new LinkedHashMap<>(errors);
	}

	/** Refuses the request (400, every field's message) when anything was found; otherwise does nothing. */
	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors).naming(expected);
		}
	}

	/** A 409 naming the field whose value another record already holds. */
	public static RejectedRequest taken(String field, String messageKey) {
		return new RejectedRequest(HttpStatus.CONFLICT, "duplicate", "problem.duplicate-field", null,
				Map.of(field, messageKey));
	}

	/** A 422 for a business rule that the record's current state breaks, shown beside {@code field} (may be null). */
	public static RejectedRequest ruleBroken(String type, String field, String messageKey) {
		return new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, type, messageKey, null,
				field == null ? Map.of() : Map.of(field, messageKey));
	}
}
