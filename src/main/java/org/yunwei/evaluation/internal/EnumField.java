package org.yunwei.evaluation.internal;

import org.yunwei.web.FieldErrors;

/** Reads an enum from a request field, case-insensitively, adding a field error for a missing or unknown value. */
final class EnumField {

	private EnumField() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, FieldErrors errors) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned == null) {
			errors.add(field, "field.required");
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(cleaned)) {
				return constant;
			}
		}
		errors.add(field, "evaluation.value.unknown");
		return null;
	}
}
