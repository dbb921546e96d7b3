package org.yunwei.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.yunwei.web.RejectedRequest;

/**
 * Collects what is wrong with a submitted form, field by field, so that the person sees every mistake at once
 * rather than one per attempt. Values are message keys, looked up in the requester's language.
 */
final class Violations {

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	/** Mobile (13800138000), landline (020-12345678) or international (+86 138...) numbers. */
	static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{4,28}[0-9]$");
	static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$");

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Trims a submitted value; blank becomes {@code null}. */
	static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	Violations required(String field, String value, int maxLength) {
		if (value == null) {
			return add(field, "directory.field.required");
		}
		return optional(field, value, maxLength);
	}

	Violations required(String field, Object value) {
		return value == null ? add(field, "directory.field.required") : this;
	}

	Violations optional(String field, String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			add(field, "directory.field.max." + maxLength);
		}
		return this;
	}

	Violations matches(String field, String value, Pattern pattern, String messageKey) {
		if (value != null && !pattern.matcher(value).matches()) {
			add(field, messageKey);
		}
		return this;
	}

	/** Adds a mistake unless the field already has one: the first found is the one to fix first. */
	Violations add(String field, String messageKey) {
		errors.putIfAbsent(field, messageKey);
		return this;
	}

	boolean fine(String field) {
		return !errors.containsKey(field);
	}

	/** A 409 naming the field whose value another record already holds. */
	static RejectedRequest taken(String field, String messageKey) {
		return new RejectedRequest(HttpStatus.CONFLICT, "duplicate", "problem.directory.duplicate", null,
				Map.of(field, messageKey));
	}

	/** A 422 for a rule of the directory that no other value of this field would satisfy as it stands. */
	static RejectedRequest ruleBroken(String type, String field, String messageKey) {
		return new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, type, messageKey, null,
				field == null ? Map.of() : Map.of(field, messageKey));
	}

	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
	}
}
