package org.yunwei.web.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a value that did not convert should have looked like, said in the requester's language with the parameter
 * or field named ({@code field.expected.*}): "enabled 应为 true 或 false", never the name of a Java type.
 */
final class ExpectedForm {

	private ExpectedForm() {
	}

	/** The message for {@code field}, whose value should have converted to {@code type} (may be {@code null}). */
	static MessageSourceResolvable of(String field, Class<?> type) {
		Class<?> target = type == null ? Object.class : wrapped(type);
		if (target.isEnum()) {
			String constants = Arrays.stream(target.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
			return message("one-of", field, constants);
		}
		return message(kind(target), field);
	}

	private static String kind(Class<?> type) {
		if (type == Boolean.class) {
			return "boolean";
		}
		if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == BigInteger.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(type)) {
			return "number";
		}
		if (type == LocalDate.class) {
			return "date";
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
				|| type == LocalDateTime.class) {
			return "date-time";
		}
		if (type == LocalTime.class) {
			return "time";
		}
		if (type == Duration.class) {
			return "duration";
		}
		if (type == UUID.class) {
			return "uuid";
		}
		if (type == String.class || type == Character.class || CharSequence.class.isAssignableFrom(type)) {
			return "text";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "object";
		}
		return "other";
	}

	private static Class<?> wrapped(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		return type == boolean.class ? Boolean.class : type == int.class ? Integer.class : type == long.class
				? Long.class : type == short.class ? Short.class : type == byte.class ? Byte.class
				: type == char.class ? Character.class : type == double.class ? Double.class : Float.class;
	}

	private static MessageSourceResolvable message(String kind, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { "field.expected." + kind }, arguments);
	}
}
