package org.yunwei.inspection.internal;

import java.util.List;
import java.util.Map;

import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.web.FieldErrors;

/**
 * What a template's author writes: validated on construction through {@link #of}, so that a template never holds
 * content that would be refused.
 *
 * @param ciClassCode the class checked, for {@link TargetKind#CI_CLASS} only
 */
public record TemplateContent(String name, TargetKind targetKind, String ciClassCode, String description,
		Checklist checklist) {

	static final int NAME_MAX = 200;
	static final int DESCRIPTION_MAX = 2000;

	/** The content, or 400 naming every refused field; {@code classes} are the classes one may name. */
	public static TemplateContent of(String name, String targetKind, String ciClassCode, String description,
			List<Checklist.ChecklistLine> items, List<ConfigurationItemClass> classes) {
		FieldErrors errors = new FieldErrors();
		errors.required("name", FieldErrors.clean(name), NAME_MAX);
		errors.optional("description", FieldErrors.clean(description), DESCRIPTION_MAX);
		TargetKind kind = errors.constant(TargetKind.class, targetKind, "targetKind");
		String classCode = FieldErrors.clean(ciClassCode);
		if (kind == TargetKind.CI_CLASS) {
			if (classCode == null) {
				errors.add("ciClassCode", "field.required");
			}
			else if (classes.stream().noneMatch(c -> c.code().equals(classCode) && c.enabled())) {
				errors.add("ciClassCode", "inspection.template.class-unknown");
			}
		}
		Checklist checklist = Checklist.of(items, errors);
		errors.throwIfAny();
		return new TemplateContent(FieldErrors.clean(name), kind, kind == TargetKind.CI_CLASS ? classCode : null,
				FieldErrors.clean(description), checklist);
	}

	Map<String, Object> audited() {
		return Map.of("name", name, "targetKind", targetKind.name(), "ciClass", ciClassCode == null ? "" : ciClassCode,
				"items", checklist.items().size());
	}
}
