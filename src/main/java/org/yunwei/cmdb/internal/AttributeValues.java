package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import org.yunwei.web.FieldErrors;

/**
 * Checks the attribute values submitted for an item against its class's attributes and gives them in the form they
 * are stored: text trimmed (up to 500 characters), numbers as {@link BigDecimal}, dates as ISO text, enumeration
 * codes, referenced item ids, IP addresses in their literal form. A mistake is reported on
 * {@code attributes.<code>}; a code the class does not have is a mistake too.
 */
final class AttributeValues {

	static final int MAX_TEXT = 500;
	private static final Pattern IPV4 = Pattern.compile(
			"^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
	private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

	private AttributeValues() {
	}

	/**
	 * @param referenced the class of an item by id, for reference attributes; empty when no such item exists (or
	 *        the person may not see it)
	 */
	static Map<String, Object> check(CiClass itemClass, Map<String, Object> submitted, FieldErrors errors,
			LongFunction<Optional<CiClassOfItem>> referenced) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, Object> raw = submitted == null ? Map.of() : submitted;
		for (String code : raw.keySet()) {
			if (itemClass.attributes().stream().noneMatch(a -> a.code().equals(code))) {
				errors.add("attributes." + code, "cmdb.attribute.not-of-class");
			}
		}
		for (CiAttribute attribute : itemClass.attributes()) {
			String field = "attributes." + attribute.code();
			Object value = raw.get(attribute.code());
			String text = value == null ? null : FieldErrors.clean(value.toString());
			if (text == null) {
				if (attribute.required()) {
					errors.add(field, "field.required");
				}
				continue;
			}
			Object normalised = switch (attribute.type()) {
				case TEXT -> text.length() > MAX_TEXT ? reject(errors, field, "field.max.500") : text;
				case NUMBER -> number(text, errors, field);
				case DATE -> date(text, errors, field);
				case ENUM -> attribute.option(text).isPresent() ? text
						: reject(errors, field, "field.value.unknown");
				case IP_ADDRESS -> ipAddress(text).map(Object.class::cast)
					.orElseGet(() -> reject(errors, field, "cmdb.field.ip"));
				case REFERENCE -> reference(text, attribute, errors, field, referenced);
			};
			if (normalised != null) {
				values.put(attribute.code(), normalised);
			}
		}
		return values;
	}

	/** The normal literal form of an IPv4 or IPv6 address, or empty when the text is none. */
	static Optional<String> ipAddress(String text) {
		if (text == null) {
			return Optional.empty();
		}
		if (IPV4.matcher(text).matches()) {
			return Optional.of(text);
		}
		if (text.contains(":") && IPV6_CHARS.matcher(text).matches()) {
			try {
				return Optional.of(InetAddress.getByName(text).getHostAddress());
			}
			catch (UnknownHostException notAnAddress) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static Object number(String text, FieldErrors errors, String field) {
		try {
			BigDecimal number = new BigDecimal(text);
			return number.abs().compareTo(new BigDecimal("1e15")) >= 0 ? reject(errors, field, "field.number")
					: number;
		}
		catch (NumberFormatException notANumber) {
			return reject(errors, field, "field.number");
		}
	}

	private static Object date(String text, FieldErrors errors, String field) {
		try {
			return LocalDate.parse(text).toString();
		}
		catch (DateTimeParseException notADate) {
			return reject(errors, field, "cmdb.field.date");
		}
	}

	private static Object reference(String text, CiAttribute attribute, FieldErrors errors, String field,
			LongFunction<Optional<CiClassOfItem>> referenced) {
		long id;
		try {
			id = Long.parseLong(text);
		}
		catch (NumberFormatException notAnId) {
			return reject(errors, field, "field.value.unknown");
		}
		Optional<CiClassOfItem> target = referenced.apply(id);
		if (target.isEmpty()) {
			return reject(errors, field, "field.value.unknown");
		}
		if (attribute.referenceClassId() != null && !target.get().within(attribute.referenceClassId())) {
			return reject(errors, field, "cmdb.attribute.reference-class");
		}
		return BigDecimal.valueOf(id);
	}

	private static Object reject(FieldErrors errors, String field, String key) {
		errors.add(field, key);
		return null;
	}

	/** The class path of an existing item, for reference checks. */
	record CiClassOfItem(String classPath) {

		boolean within(long classId) {
			return classPath.contains("/" + classId + "/");
		}
	}
}
