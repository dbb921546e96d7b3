package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** An attribute of a CI class as submitted. {@code code}, {@code type} and {@code unique} are fixed once created. */
public record AttributeDraft(
		@Schema(description = "lower-case letters, digits and '_', starting with a letter; unique along the class's "
				+ "ancestors and subclasses") String code,
		@Schema(description = "the Chinese name, up to 100 characters") String name,
		@Schema(description = "the English name, optional") String nameEn,
		@Schema(description = "TEXT, NUMBER, DATE, ENUM, REFERENCE or IP_ADDRESS") String type,
		@Schema(description = "an item must have a value") Boolean required,
		@Schema(description = "no two items of the class and its subclasses hold the same value (TEXT, NUMBER, "
				+ "IP_ADDRESS)") Boolean unique,
		@Schema(description = "the choices of an ENUM attribute") List<EnumOption> options,
		@Schema(description = "for a REFERENCE: the class the referenced item must be of (or of a subclass)")
		Long referenceClassId,
		@Schema(description = "order on forms; default 100") Integer position) {

	public AttributeDraft {
		options = options == null ? List.of() : List.copyOf(options);
	}

	AttributeDraft cleaned() {
		return new AttributeDraft(CiClassDraft.clean(code), CiClassDraft.clean(name), CiClassDraft.clean(nameEn),
				CiClassDraft.clean(type), required, unique,
				options.stream().map(o -> o == null ? new EnumOption(null, null, null) : new EnumOption(CiClassDraft.clean(o.code()),
						CiClassDraft.clean(o.name()), CiClassDraft.clean(o.nameEn()))).toList(),
				referenceClassId, position);
	}
}
