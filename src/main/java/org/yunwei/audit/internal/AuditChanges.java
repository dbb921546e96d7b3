package org.yunwei.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A record's values before and after, field by field, as the audit page shows them: a reader asks "what changed",
 * and a JSON document answers it only to a developer. Fields are named by {@code audit.field.<name>} where a module
 * gives a message, and as readable words otherwise; the stored JSON stays on the page as it was written, since that
 * is what the chain's hash covers. A value stored as a code ({@code NEW}, {@code P1}) reads as the owning module
 * names it, {@code <objectType>.<field>.<code>} (e.g. {@code ticket.status.NEW}), or as the audit bundle names it,
 * {@code audit.value.<field>.<code>}; a code nobody names stays as written.
 */
@Component("auditChanges")
public class AuditChanges {

	/** A value written as a code: capitals, digits and underscores. */
	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private final MessageSource messages;

	AuditChanges(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * One field of the record.
	 *
	 * @param before the value before, as text; "—" when the field was absent or empty
	 * @param after the value after, likewise
	 * @param changed whether the two differ
	 * @param structured whether a side holds a list or an object, shown as written (its keys are the writer's)
	 */
	public record FieldChange(String field, String before, String after, boolean changed, boolean structured) {
	}

	/**
	 * The fields of either document, in the order they were written (the after's first); empty when a side is
	 * present but is not a JSON object, so that the page shows the values as written instead.
	 */
	public List<FieldChange> of(JsonNode before, JsonNode after) {
		return of(null, before, after);
	}

	/** As {@link #of(JsonNode, JsonNode)}, with codes read as the record's kind of object names them. */
	public List<FieldChange> of(String objectType, JsonNode before, JsonNode after) {
		JsonNode old = absent(before) ? null : before;
		JsonNode now = absent(after) ? null : after;
		if ((old != null && !old.isObject()) || (now != null && !now.isObject()) || (old == null && now == null)) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		if (now != null) {
			names.addAll(now.propertyNames());
		}
		if (old != null) {
			names.addAll(old.propertyNames());
		}
		List<FieldChange> fields = new ArrayList<>();
		for (String name : names) {
			JsonNode wasNode = old == null ? null : old.get(name);
			JsonNode isNode = now == null ? null : now.get(name);
			String was = text(wasNode);
			String is = text(isNode);
			fields.add(new FieldChange(label(name), shown(objectType, name, wasNode, was),
					shown(objectType, name, isNode, is), old != null && now != null && !was.equals(is),
					container(wasNode) || container(isNode)));
		}
		return fields;
	}

	private static boolean container(JsonNode node) {
		return node != null && node.isContainer();
	}

	private static boolean absent(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
			return "—";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private String shown(String objectType, String field, JsonNode node, String text) {
		if (node == null || !node.isString() || !CODE.matcher(text).matches()) {
			return text;
		}
		Locale locale = LocaleContextHolder.getLocale();
		String named = objectType == null ? null
				: messages.getMessage(objectType + "." + field + "." + text, null, null, locale);
		if (named == null) {
			named = messages.getMessage("audit.value." + field + "." + text, null, null, locale);
		}
		return named == null ? text : named;
	}

	private String label(String name) {
		try {
			return messages.getMessage("audit.field." + name, null, LocaleContextHolder.getLocale());
		}
		catch (NoSuchMessageException absent) {
			return AuditWords.readable(name.replaceAll("([a-z])([A-Z])", "$1 $2"));
		}
	}
}
