package org.yunwei.sla;

import java.util.Objects;

/**
 * What an SLA clock measures, named by the module that owns it: {@code ("ticket", "123")}. The clock module keeps
 * only the names, never a reference into the owner's tables.
 *
 * @param type the kind of object, e.g. {@code ticket}; not blank, at most 40 characters
 * @param id the object's id within its type; not blank, at most 100 characters
 */
public record ClockSubject(String type, String id) {

	/**
	 * @throws IllegalArgumentException when a name is blank or too long
	 */
	public ClockSubject {
		require(type, "type", 40);
		require(id, "id", 100);
	}

	public static ClockSubject of(String type, Object id) {
		return new ClockSubject(type, String.valueOf(Objects.requireNonNull(id, "id")));
	}

	private static void require(String value, String name, int maxLength) {
		if (value == null || value.isBlank() || value.length() > maxLength) {
			throw new IllegalArgumentException("A clock subject's " + name + " must be 1 to " + maxLength
					+ " characters: " + value);
		}
	}
}
