package org.yunwei.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.yunwei.web.RejectedRequest;

/**
 * Collects what is wrong with a submitted category or service, field by field, so that the person sees every mistake
 * at once. Values are message keys of the catalogue bundle.
 */
final class Violations {

	static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$");

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Trims a submitted value; blank becomes {@code null}. */
	static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	Violations required(String field, String value, int maxLength) {
		return value == null ? add(field, "catalog.field.required") : optional(field, value, maxLength);
	}

	Violations required(String field, Object value) {
		return value == null ? add(field, "catalog.field.required") : this;
	}

	Violations optional(String field, String value, int maxLength) {
		return value != null && value.length() > maxLength ? add(field, "catalog.field.max." + maxLength) : this;
	}

	Violations code(String field, String value) {
		return value != null && !CODE.matcher(value).matches() ? add(field, "catalog.field.code") : this;
	}

	/** Adds a mistake unless the field already has one: the first found is the one to fix first. */
	Violations add(String field, String messageKey) {
		errors.putIfAbsent(field, messageKey);
		return this;
	}

	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
	}

	/** A 409 naming the field whose value another record already holds. */
	static RejectedRequest taken(String field, String messageKey) {
		return new RejectedRequest(HttpStatus.CONFLICT, "duplicate", "problem.catalog.duplicate", null,
				Map.of(field, messageKey));
	}

	/** A 422 for a rule of the catalogue that the record's current state breaks. */
	static RejectedRequest ruleBroken(String type, String messageKey) {
		return RejectedRequest.unprocessable(type, messageKey);
	}
}
