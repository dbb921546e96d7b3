package org.yunwei.sla.internal.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yunwei.web.RejectedRequest;

/**
 * What is wrong with a submitted agreement, field by field, so that every mistake shows at once. Values are message
 * keys of {@code i18n/agreements}.
 */
final class FieldErrors {

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Adds a mistake unless the field already has one: the first found is the one to fix first. */
	FieldErrors add(String field, String messageKey) {
		errors.putIfAbsent(field, messageKey);
		return this;
	}

	boolean has(String field) {
		return errors.containsKey(field);
	}

	boolean isEmpty() {
		return errors.isEmpty();
	}

	Map<String, String> asMap() {
		return new LinkedHashMap<>(errors);
	}

	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
	}

	static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
