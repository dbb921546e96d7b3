package org.yunwei.cmdb;

import java.util.List;
import java.util.Locale;

/**
 * An attribute items of a class have, as another module's form asks for it.
 *
 * @param type TEXT, NUMBER, DATE, ENUM, REFERENCE (the id of another item) or IP_ADDRESS
 * @param options the choices of an ENUM attribute; empty otherwise
 */
public record ConfigurationItemAttribute(String code, String name, String nameEn, String type, boolean required,
		List<ConfigurationItemAttributeOption> options) {

	public ConfigurationItemAttribute {
		options = List.copyOf(options);
	}

	public String label(Locale locale) {
		return ConfigurationItemAttributeOption.label(name, nameEn, locale);
	}

	/** The value as a person reads it: an option's name for an ENUM, the value itself otherwise. */
	public String display(Object value, Locale locale) {
		if (value == null) {
			return null;
		}
		return options.stream().filter(o -> o.code().equals(value.toString())).findFirst()
			.map(o -> o.label(locale)).orElse(value.toString());
	}
}
