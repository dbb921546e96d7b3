package org.yunwei.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason the person asking can act on. Thrown before anything is written (or inside the
 * transaction, which then rolls back), so that a refused request changes nothing.
 * <p>
 * {@code type} is a stable slug (the problem type is {@code urn:yunwei:problem:<type>}); {@code messageKey} and the
 * field errors' keys are looked up in the message bundles in the requester's language.
 */
public class RejectedRequest extends RuntimeException {

	private final HttpStatus status;
	private final String type;
	private final String messageKey;
	private final Object[] arguments;
	private final Map<String, String> fieldErrors;
	private Map<String, String> expectedValues = Map.of();

	public RejectedRequest(HttpStatus status, String type, String messageKey, Object[] arguments,
			Map<String, String> fieldErrors) {
		super(type + ": " + messageKey);
		this.status = status;
		this.type = type;
		this.messageKey = messageKey;
		this.arguments = arguments == null ? new Object[0] : arguments;
		this.fieldErrors = Map.copyOf(fieldErrors == null ? Map.of() : fieldErrors);
	}

	/** The input is wrong in the given field; {@code messageKey} explains how. */
	public static RejectedRequest invalidField(String field, String messageKey) {
		return new RejectedRequest(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null,
				Map.of(field, messageKey));
	}

	/** The input is wrong in several fields. */
	public static RejectedRequest invalidFields(Map<String, String> fieldErrors) {
		return new RejectedRequest(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null,
				new LinkedHashMap<>(fieldErrors));
	}

	/**
	 * The record asked for does not exist, or lies outside the requester's scope (the two are not told apart).
	 * @param what the kind of record; its name in the requester's language is the message {@code object.<what>}
	 */
	public static RejectedRequest notFound(String what) {
		return new RejectedRequest(HttpStatus.NOT_FOUND, "not-found", "problem.not-found",
				new Object[] { new DefaultMessageSourceResolvable(new String[] { "object." + what }, what) }, null);
	}

	/** The request contradicts the current state of a record, e.g. a name already taken. */
	public static RejectedRequest conflict(String type, String messageKey, Object... arguments) {
		return new RejectedRequest(HttpStatus.CONFLICT, type, messageKey, arguments, null);
	}

	/** The request breaks a business rule that no change of input in this request would satisfy. */
	public static RejectedRequest unprocessable(String type, String messageKey, Object... arguments) {
		return new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, type, messageKey, arguments, null);
	}

	public static RejectedRequest forbidden(String messageKey) {
		return new RejectedRequest(HttpStatus.FORBIDDEN, "forbidden", messageKey, null, null);
	}

	public HttpStatus status() {
		return status;
	}

	public String type() {
		return type;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

	/**
	 * Names, for fields refused as an unknown value ({@code field.value.unknown}), the values they take, so that the
	 * API's answer can say them ({@code field.expected.one-of}); a page shows its own choices instead.
	 */
	public RejectedRequest naming(Map<String, String> expectedValues) {
		Map<String, String> named = new LinkedHashMap<>(expectedValues);
		named.keySet().removeIf(field -> !"field.value.unknown".equals(fieldErrors.get(field)));
		this.expectedValues = Map.copyOf(named);
		return this;
	}

	/** The values each field named by {@link #naming} takes, e.g. {@code P1, P2, P3, P4}. */
	public Map<String, String> expectedValues() {
		return expectedValues;
	}
}
