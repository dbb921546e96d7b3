package org.yunwei.cmdb.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An attribute a CI class defines, which its subclasses inherit.
 *
 * @param classId the class that defines it (not necessarily the class of an item that has it)
 * @param unique whether no two items of the defining class and its subclasses may hold the same value
 * @param options the choices of an {@link AttributeType#ENUM} attribute; empty otherwise
 * @param referenceClassId for a {@link AttributeType#REFERENCE}, the class (or a superclass) the referenced item
 *        must be of; {@code null} for any class
 */
public record CiAttribute(long id, long classId, String code, String name, String nameEn, AttributeType type,
		boolean required, boolean unique, List<EnumOption> options, Long referenceClassId, int position) {

	public CiAttribute {
		options = List.copyOf(options);
	}

	public String label(Locale locale) {
		return Labels.of(name, nameEn, locale);
	}

	public Optional<EnumOption> option(String code) {
		return options.stream().filter(o -> o.code().equals(code)).findFirst();
	}
}
