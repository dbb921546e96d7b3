package org.yunwei.cmdb.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the CI classes and their attributes, which management's configuration administrators define without code.
 * A class inherits every attribute of its ancestors; an attribute code is therefore unique along a class's ancestors
 * and descendants. What items already rely on is protected: a class with items gets no new required attribute, an
 * attribute that items hold a value for is not deleted, and an attribute's code, type and uniqueness never change.
 */
@Service
class CiClassAdministration {

	static final Pattern ATTRIBUTE_CODE = Pattern.compile("^[a-z][a-z0-9_]{0,49}$");
	private static final Set<AttributeType> UNIQUE_TYPES = Set.of(AttributeType.TEXT, AttributeType.NUMBER,
			AttributeType.IP_ADDRESS);

	private final CiClasses classes;
	private final CmdbScope scope;
	private final AuditTrail audit;

	CiClassAdministration(CiClasses classes, CmdbScope scope, AuditTrail audit) {
		this.classes = classes;
		this.scope = scope;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<CiClass> list() {
		scope.reader();
		return classes.all();
	}

	@Transactional(readOnly = true)
	public CiClass get(long id) {
		scope.reader();
		return classes.find(id).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
	}

	@Transactional
	public CiClass create(CiClassDraft submitted) {
		scope.classAdministrator();
		CiClassDraft draft = submitted.cleaned();
		FieldErrors errors = check(draft);
		errors.required("code", draft.code(), 50).code("code", draft.code());
		CiClass parent = null;
		if (draft.parentId() != null) {
			parent = classes.find(draft.parentId()).orElse(null);
			if (parent == null) {
				errors.add("parentId", "field.value.unknown");
			}
		}
		errors.throwIfAny();
		if (classes.codeTaken(draft.code(), null)) {
			throw FieldErrors.taken("code", "cmdb.class.code-taken");
		}
		long id = classes.insert(draft, parent == null ? "/" : parent.path());
		audit.record(AuditEntry.of("CI_CLASS_CREATED", "ci_class", id).after(describe(draft)));
		return classes.find(id).orElseThrow();
	}

	@Transactional
	public CiClass update(long id, CiClassDraft submitted) {
		scope.classAdministrator();
		CiClass current = classes.find(id).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
		CiClassDraft draft = submitted.cleaned();
		FieldErrors errors = check(draft);
		if (draft.code() != null && !draft.code().equalsIgnoreCase(current.code())) {
			errors.add("code", "cmdb.class.code-fixed");
		}
		if (draft.parentId() != null && !draft.parentId().equals(current.parentId())) {
			errors.add("parentId", "cmdb.class.parent-fixed");
		}
		errors.throwIfAny();
		boolean review = draft.reviewRequired() == null ? current.reviewRequired() : draft.reviewRequired();
		classes.update(id, draft, review);
		Map<String, Object> after = new LinkedHashMap<>(describe(draft));
		after.put("reviewRequired", review);
		audit.record(AuditEntry.of("CI_CLASS_CHANGED", "ci_class", id)
			.before(Map.of("name", current.name(), "enabled", current.enabled(), "reviewRequired",
					current.reviewRequired()))
			.after(after));
		return classes.find(id).orElseThrow();
	}

	/**
	 * Marks a class's changes as needing review (配置管理审核流程), or no longer; its subclasses inherit the rule.
	 * Changes already waiting stay waiting for their decision.
	 */
	@Transactional
	public CiClass requireReview(long id, boolean required) {
		scope.classAdministrator();
		CiClass current = classes.find(id).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
		if (current.reviewRequired() != required) {
			classes.requireReview(id, required);
			audit.record(AuditEntry.of("CI_CLASS_CHANGED", "ci_class", id)
				.before(Map.of("reviewRequired", current.reviewRequired()))
				.after(Map.of("reviewRequired", required)));
		}
		return classes.find(id).orElseThrow();
	}

	@Transactional
	public CiClass addAttribute(long classId, AttributeDraft submitted) {
		scope.classAdministrator();
		CiClass owner = classes.find(classId).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
		AttributeDraft draft = submitted.cleaned();
		List<CiClass> all = classes.all();
		FieldErrors errors = new FieldErrors();
		errors.required("code", draft.code(), 50).matches("code", draft.code(), ATTRIBUTE_CODE,
				"cmdb.attribute.code-format");
		AttributeType type = errors.constant(AttributeType.class, draft.type(), "type");
		checkCommon(draft, type, all, errors);
		if (type != null && Boolean.TRUE.equals(draft.unique()) && !UNIQUE_TYPES.contains(type)) {
			errors.add("unique", "cmdb.attribute.unique-type");
		}
		if (draft.code() != null && !errors.has("code") && codeUsedInLine(owner, draft.code(), all)) {
			errors.add("code", "cmdb.attribute.code-taken");
		}
		errors.throwIfAny();
		if (Boolean.TRUE.equals(draft.required()) && classes.itemsOfClass(owner.path()) > 0) {
			throw FieldErrors.ruleBroken("required-on-populated-class", "required",
					"cmdb.attribute.required-on-populated-class");
		}
		long id = classes.insertAttribute(classId, draft);
		audit.record(AuditEntry.of("CI_ATTRIBUTE_CREATED", "ci_attribute", id).after(describe(classId, draft)));
		return classes.find(classId).orElseThrow();
	}

	@Transactional
	public CiClass updateAttribute(long classId, long attributeId, AttributeDraft submitted) {
		scope.classAdministrator();
		CiClass owner = classes.find(classId).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
		CiAttribute current = owner.ownAttributes().stream().filter(a -> a.id() == attributeId).findFirst()
			.orElseThrow(() -> RejectedRequest.notFound("ci-attribute"));
		AttributeDraft draft = submitted.cleaned();
		FieldErrors errors = new FieldErrors();
		if (draft.code() != null && !draft.code().equals(current.code())) {
			errors.add("code", "cmdb.attribute.fixed");
		}
		if (draft.type() != null && !draft.type().equalsIgnoreCase(current.type().name())) {
			errors.add("type", "cmdb.attribute.fixed");
		}
		if (draft.unique() != null && draft.unique() != current.unique()) {
			errors.add("unique", "cmdb.attribute.fixed");
		}
		checkCommon(draft, current.type(), classes.all(), errors);
		errors.throwIfAny();
		if (Boolean.TRUE.equals(draft.required()) && !current.required()
				&& classes.itemsOfClass(owner.path()) > 0) {
			throw FieldErrors.ruleBroken("required-on-populated-class", "required",
					"cmdb.attribute.required-on-populated-class");
		}
		classes.updateAttribute(attributeId, draft);
		audit.record(AuditEntry.of("CI_ATTRIBUTE_CHANGED", "ci_attribute", attributeId)
			.before(Map.of("name", current.name(), "required", current.required()))
			.after(describe(classId, draft)));
		return classes.find(classId).orElseThrow();
	}

	@Transactional
	public void deleteAttribute(long classId, long attributeId) {
		scope.classAdministrator();
		CiClass owner = classes.find(classId).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
		CiAttribute current = owner.ownAttributes().stream().filter(a -> a.id() == attributeId).findFirst()
			.orElseThrow(() -> RejectedRequest.notFound("ci-attribute"));
		if (classes.itemsWithValue(owner.path(), current.code()) > 0) {
			throw RejectedRequest.unprocessable("attribute-in-use", "cmdb.attribute.in-use");
		}
		classes.deleteAttribute(attributeId);
		audit.record(AuditEntry.of("CI_ATTRIBUTE_DELETED", "ci_attribute", attributeId)
			.before(Map.of("classId", classId, "code", current.code(), "name", current.name())));
	}

	private FieldErrors check(CiClassDraft draft) {
		FieldErrors errors = new FieldErrors();
		errors.required("name", draft.name(), 100).optional("nameEn", draft.nameEn(), 100)
			.optional("description", draft.description(), 500);
		return errors;
	}

	private void checkCommon(AttributeDraft draft, AttributeType type, List<CiClass> all, FieldErrors errors) {
		errors.required("name", draft.name(), 100).optional("nameEn", draft.nameEn(), 100);
		if (draft.position() != null && (draft.position() < 0 || draft.position() > 10_000)) {
			errors.add("position", "cmdb.attribute.position-range");
		}
		if (type == AttributeType.ENUM) {
			if (draft.options().isEmpty()) {
				errors.add("options", "cmdb.attribute.options-required");
			}
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < draft.options().size(); i++) {
				EnumOption option = draft.options().get(i);
				if (option.code() == null || !FieldErrors.CODE.matcher(option.code()).matches()) {
					errors.add("options[" + i + "].code", "field.code");
				}
				else if (!seen.add(option.code())) {
					errors.add("options[" + i + "].code", "cmdb.attribute.option-repeated");
				}
				errors.required("options[" + i + "].name", option.name(), 100);
			}
		}
		else if (!draft.options().isEmpty()) {
			errors.add("options", "cmdb.attribute.options-only-enum");
		}
		if (draft.referenceClassId() != null) {
			if (type != AttributeType.REFERENCE) {
				errors.add("referenceClassId", "cmdb.attribute.reference-only");
			}
			else if (all.stream().noneMatch(c -> c.id() == draft.referenceClassId())) {
				errors.add("referenceClassId", "field.value.unknown");
			}
		}
	}

	/** Whether an ancestor, the class itself or a descendant already has an attribute of this code. */
	private static boolean codeUsedInLine(CiClass owner, String code, List<CiClass> all) {
		return all.stream()
			.filter(c -> owner.within(c.id()) || c.within(owner.id()))
			.flatMap(c -> c.ownAttributes().stream())
			.anyMatch(a -> a.code().equals(code));
	}

	private static Map<String, Object> describe(CiClassDraft draft) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", draft.code());
		values.put("name", draft.name());
		values.put("parentId", draft.parentId());
		values.put("enabled", draft.enabled() == null || draft.enabled());
		values.put("reviewRequired", Boolean.TRUE.equals(draft.reviewRequired()));
		return values;
	}

	private static Map<String, Object> describe(long classId, AttributeDraft draft) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("classId", classId);
		values.put("code", draft.code());
		values.put("name", draft.name());
		values.put("type", draft.type());
		values.put("required", Boolean.TRUE.equals(draft.required()));
		values.put("unique", Boolean.TRUE.equals(draft.unique()));
		return values;
	}
}
