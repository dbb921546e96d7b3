package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A CI class as submitted. {@code code} and {@code parentId} are fixed once the class exists. */
public record CiClassDraft(@Schema(description = "letters, digits, '_', '.', '-'; unique; fixed once created") String code,
		@Schema(description = "the Chinese name, up to 100 characters") String name,
		@Schema(description = "the English name, optional") String nameEn,
		@Schema(description = "the class whose attributes this one inherits; none for a root class") Long parentId,
		@Schema(description = "optional, up to 500 characters") String description,
		@Schema(description = "offered for new items; default true") Boolean enabled,
		@Schema(description = "edits of its items (and its subclasses' items) wait for review through the approval "
				+ "module before they apply (配置管理审核流程); default false when created, unchanged when left out")
		Boolean reviewRequired) {

	CiClassDraft cleaned() {
		return new CiClassDraft(clean(code), clean(name), clean(nameEn), parentId, clean(description), enabled,
				reviewRequired);
	}

	static String clean(String value) {
		return org.yunwei.web.FieldErrors.clean(value);
	}
}
