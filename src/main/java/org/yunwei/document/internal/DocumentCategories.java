package org.yunwei.document.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalPolicyChoice;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The categories: the built-in ones the standards name, and those management adds, renames and retires, each with the
 * approval policy its new versions go through (picked from the approval module's active policies). The items a category evidences are
 * those the library answers for in the register ({@link DocumentEvidence}); others are refused.
 */
@Service
class DocumentCategories {

	private final CategoryRecords records;
	private final DocumentAccess access;
	private final Approvals approvals;
	private final MessageSource messages;
	private final AuditTrail audit;

	DocumentCategories(CategoryRecords records, DocumentAccess access, Approvals approvals, MessageSource messages,
			AuditTrail audit) {
		this.records = records;
		this.access = access;
		this.approvals = approvals;
		this.messages = messages;
		this.audit = audit;
	}

	/** A category as a reader sees it: its name in their language, and the name of its approval policy. */
	public record CategoryView(long id, String code, String name, List<String> items, Long approvalPolicyId,
			String approvalPolicyName, boolean builtIn, boolean retired) {
	}

	@Transactional(readOnly = true)
	public List<CategoryView> all(Locale locale) {
		Map<Long, String> policies = policyNames();
		return records.all().stream().map(c -> view(c, policies, locale)).toList();
	}

	@Transactional(readOnly = true)
	public CategoryView find(long id, Locale locale) {
		return view(records.find(id).orElseThrow(() -> RejectedRequest.notFound("document-category")), policyNames(),
				locale);
	}

	/** The approval policies a category may name. */
	List<ApprovalPolicyChoice> policies() {
		return approvals.policies();
	}

	@Transactional
	public long add(DocumentCategoryDraft draft) {
		access.requireCategoryManager();
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		errors.required("name", name, 100);
		Set<String> items = new LinkedHashSet<>(draft.items());
		Set<String> answered = new LinkedHashSet<>(DocumentEvidence.KNOWN);
		answered.addAll(DocumentEvidence.PRESENT);
		if (!answered.containsAll(items)) {
			errors.add("items", "document.category.items.unknown");
		}
		checkPolicy(draft.approvalPolicyId(), errors);
		errors.throwIfAny();
		if (records.nameTaken(name)) {
			throw FieldErrors.taken("name", "document.category.name.taken");
		}
		long id = records.insert(name, List.copyOf(items), draft.approvalPolicyId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", name);
		after.put("items", items);
		after.put("approvalPolicyId", draft.approvalPolicyId());
		audit.record(AuditEntry.of("DOCUMENT_CATEGORY_ADDED", "document-category", id).after(after).detail(name));
		return id;
	}

	/** Sets the policy a category's versions go through; {@code null}: the installation's default. */
	@Transactional
	public void setPolicy(long id, Long approvalPolicyId) {
		access.requireCategoryManager();
		DocumentCategory category = records.find(id).orElseThrow(() -> RejectedRequest.notFound("document-category"));
		FieldErrors errors = new FieldErrors();
		checkPolicy(approvalPolicyId, errors);
		errors.throwIfAny();
		records.setPolicy(id, approvalPolicyId);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("approvalPolicyId", category.approvalPolicyId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("approvalPolicyId", approvalPolicyId);
		audit.record(AuditEntry.of("DOCUMENT_CATEGORY_POLICY_SET", "document-category", id).before(before).after(after)
			.detail(category.code() == null ? category.name() : category.code()));
	}

	/**
	 * Renames a category; a built-in one's name then replaces the one the bundles give it, in every language.
	 *
	 * @throws RejectedRequest 400 for a blank or too long name, 409 for a name another category has
	 */
	@Transactional
	public void rename(long id, String name) {
		access.requireCategoryManager();
		DocumentCategory category = records.find(id).orElseThrow(() -> RejectedRequest.notFound("document-category"));
		FieldErrors errors = new FieldErrors();
		String clean = FieldErrors.clean(name);
		errors.required("name", clean, 100);
		errors.throwIfAny();
		if (records.nameTaken(clean, id)) {
			throw FieldErrors.taken("name", "document.category.name.taken");
		}
		records.rename(id, clean);
		audit.record(AuditEntry.of("DOCUMENT_CATEGORY_RENAMED", "document-category", id)
			.before(Map.of("name", category.name() == null ? category.code() : category.name()))
			.after(Map.of("name", clean))
			.detail(clean));
	}

	/**
	 * Retires a category management added, or reinstates it: a retired category keeps its documents (and what they
	 * evidence) but no new document is filed under it. The built-in categories are the ones the standards name and
	 * cannot be retired (409).
	 */
	@Transactional
	public void retire(long id, boolean retired) {
		access.requireCategoryManager();
		DocumentCategory category = records.find(id).orElseThrow(() -> RejectedRequest.notFound("document-category"));
		if (category.builtIn() && retired) {
			throw RejectedRequest.conflict("document-category-built-in", "document.category.built-in");
		}
		if (category.retired() == retired) {
			return;
		}
		records.retire(id, retired);
		audit.record(AuditEntry.of(retired ? "DOCUMENT_CATEGORY_RETIRED" : "DOCUMENT_CATEGORY_REINSTATED",
				"document-category", id).detail(category.name() == null ? category.code() : category.name()));
	}

	private void checkPolicy(Long policyId, FieldErrors errors) {
		if (policyId != null && approvals.policies().stream().noneMatch(p -> p.id() == policyId)) {
			errors.add("approvalPolicyId", "document.category.policy.unknown");
		}
	}

	private Map<Long, String> policyNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		approvals.policies().forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	private CategoryView view(DocumentCategory c, Map<Long, String> policies, Locale locale) {
		return new CategoryView(c.id(), c.code(), c.label(messages, locale), c.items(), c.approvalPolicyId(),
				c.approvalPolicyId() == null ? null : policies.get(c.approvalPolicyId()), c.builtIn(), c.retired());
	}
}
