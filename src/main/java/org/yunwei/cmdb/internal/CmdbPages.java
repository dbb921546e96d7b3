package org.yunwei.cmdb.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the configuration pages need to say things in words ({@code ${@cmdbPages...}}): the names of fields and
 * attributes in a history entry, values as a reader knows them (lifecycle states and enumeration choices by name,
 * relations as sentences), and the graph's data as JSON that is safe inside a script element.
 */
@Component("cmdbPages")
class CmdbPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;
	private final Organisations organisations;
	private final People people;
	private final ConfigurationItemRecords items;

	CmdbPages(MessageSource messages, Organisations organisations, People people, ConfigurationItemRecords items) {
		this.messages = messages;
		this.organisations = organisations;
		this.people = people;
		this.items = items;
	}

	/** JSON for a data attribute, also safe inside a script element: no {@code <}, {@code >} or {@code &}. */
	public String json(Object value) {
		return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&",
				"\\u0026");
	}

	/** The relation types' names in the reader's language, for the graph. */
	public String relationLabels(Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (RelationType type : RelationType.values()) {
			labels.put(type.name(), text("cmdb.relation." + type.name(), locale));
		}
		return json(labels);
	}

	/** The name of a field of the history: a built-in field's message, or the attribute's name. */
	public String fieldLabel(String field, CiClass itemClass, Locale locale) {
		if (field.startsWith("attributes.")) {
			String code = field.substring("attributes.".length());
			return attribute(itemClass, code).map(a -> a.label(locale)).orElse(code);
		}
		return text("cmdb.field." + field, locale);
	}

	/** A value of a history entry or snapshot field as the reader knows it. */
	public String value(String field, Object value, CiClass itemClass, Locale locale) {
		if (value == null) {
			return "—";
		}
		if (value instanceof Map<?, ?> end) {
			String type = text("cmdb.relation." + end.get("type"), locale);
			return "OUT".equals(end.get("direction")) ? type + " " + end.get("otherName")
					: end.get("otherName") + " " + type + " " + text("cmdb.relations.this", locale);
		}
		String text = value.toString();
		switch (field) {
			case "lifecycle" -> {
				return text("cmdb.lifecycle." + text, locale);
			}
			case "customerUnitId" -> {
				return id(text).flatMap(organisations::find).map(u -> u.partyName() + " / " + u.name()).orElse("—");
			}
			case "providerPartyId" -> {
				return id(text).flatMap(organisations::findParty).map(Party::name).orElse("—");
			}
			case "ownerUserId", "custodianUserId" -> {
				return id(text).flatMap(people::find).map(Person::displayName).orElse("—");
			}
			default -> {
			}
		}
		if (field.startsWith("attributes.")) {
			Optional<CiAttribute> attribute = attribute(itemClass, field.substring("attributes.".length()));
			if (attribute.isPresent() && attribute.get().type() == AttributeType.ENUM) {
				return attribute.get().option(text).map(o -> o.label(locale)).orElse(text);
			}
			if (attribute.isPresent() && attribute.get().type() == AttributeType.REFERENCE) {
				return id(text).flatMap(items::find).map(i -> i.fields().name()).orElse("—");
			}
		}
		return text;
	}

	private static Optional<Long> id(String text) {
		try {
			return Optional.of(new java.math.BigDecimal(text).longValueExact());
		}
		catch (NumberFormatException | ArithmeticException notAnId) {
			return Optional.empty();
		}
	}

	private static Optional<CiAttribute> attribute(CiClass itemClass, String code) {
		return itemClass.attributes().stream().filter(a -> a.code().equals(code)).findFirst();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
