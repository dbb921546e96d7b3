package org.yunwei.catalog.internal;

import org.yunwei.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.web.RejectedRequest;

/**
 * The tree of service categories: management creates, renames, moves (never under itself) and disables them.
 * Everyone signed in reads the tree; customers see the enabled categories only.
 */
@Service
class CategoryAdministration {

	private final Categories categories;
	private final Audience audience;
	private final Actors actors;
	private final AuditTrail audit;

	CategoryAdministration(Categories categories, Audience audience, Actors actors, AuditTrail audit) {
		this.categories = categories;
		this.audience = audience;
		this.actors = actors;
		this.audit = audit;
	}

	@PreAuthorize("isAuthenticated()")
	public List<CategoryNode> tree() {
		return CategoryNode.treeOf(visible());
	}

	/** The categories the asker may see, parents before children. */
	@PreAuthorize("isAuthenticated()")
	public List<Categories.Category> visible() {
		boolean all = audience.current().wholeCatalogue();
		return categories.all().stream().filter(c -> all || c.enabled()).toList();
	}

	@PreAuthorize("isAuthenticated()")
	public Categories.Category get(long id) {
		boolean all = audience.current().wholeCatalogue();
		return categories.find(id).filter(c -> all || c.enabled())
			.orElseThrow(() -> RejectedRequest.notFound("category"));
	}

	@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
	@Transactional
	public Categories.Category create(CategoryDraft draft) {
		actors.writableScope();
		var checked = check(draft, null);
		if (categories.codeTaken(checked.code(), null)) {
			throw FieldErrors.taken("code", "catalog.code.taken");
		}
		long id = categories.insert(draft.parentId(), checked.code(), checked.name(), checked.description(),
				checked.sortOrder());
		Categories.Category created = categories.find(id).orElseThrow();
		audit.record(AuditEntry.of("CATALOG_CATEGORY_CREATE", "catalog_category", id).after(view(created)));
		return created;
	}

	@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
	@Transactional
	public Categories.Category update(long id, CategoryDraft draft) {
		actors.writableScope();
		Categories.Category before = categories.find(id).orElseThrow(() -> RejectedRequest.notFound("category"));
		var checked = check(draft, before);
		if (categories.codeTaken(checked.code(), id)) {
			throw FieldErrors.taken("code", "catalog.code.taken");
		}
		if (!Objects.equals(draft.parentId(), before.parentId())) {
			categories.move(id, draft.parentId());
		}
		categories.update(id, checked.code(), checked.name(), checked.description(), checked.sortOrder());
		Categories.Category after = categories.find(id).orElseThrow();
		audit.record(AuditEntry.of("CATALOG_CATEGORY_UPDATE", "catalog_category", id).before(view(before))
			.after(view(after)));
		return after;
	}

	/**
	 * Disables a category once nothing enabled hangs on it (customers would lose the way to its services), or
	 * enables it again below an enabled parent.
	 */
	@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
	@Transactional
	public Categories.Category setEnabled(long id, boolean enabled) {
		actors.writableScope();
		Categories.Category before = categories.find(id).orElseThrow(() -> RejectedRequest.notFound("category"));
		if (before.enabled() == enabled) {
			return before;
		}
		if (!enabled && categories.inUse(id)) {
			throw RejectedRequest.unprocessable("category-in-use", "catalog.category.in-use");
		}
		if (enabled && before.parentId() != null && !categories.find(before.parentId()).orElseThrow().enabled()) {
			throw RejectedRequest.unprocessable("parent-disabled", "catalog.category.parent.disabled");
		}
		categories.setEnabled(id, enabled);
		Categories.Category after = categories.find(id).orElseThrow();
		audit.record(AuditEntry.of(enabled ? "CATALOG_CATEGORY_ENABLE" : "CATALOG_CATEGORY_DISABLE",
				"catalog_category", id).before(view(before)).after(view(after)));
		return after;
	}

	private Checked check(CategoryDraft draft, Categories.Category moved) {
		String code = FieldErrors.clean(draft.code());
		String name = FieldErrors.clean(draft.name());
		String description = FieldErrors.clean(draft.description());
		var violations = new FieldErrors().required("code", code, 50)
			.code("code", code)
			.required("name", name, 100)
			.optional("description", description, 500);
		boolean newParent = moved == null || !Objects.equals(draft.parentId(), moved.parentId());
		if (draft.parentId() != null && newParent) {
			var parent = categories.find(draft.parentId());
			if (parent.isEmpty()) {
				violations.add("parentId", "catalog.category.parent.unknown");
			}
			else if (moved != null && parent.get().path().startsWith(moved.path())) {
				violations.add("parentId", "catalog.category.parent.cycle");
			}
			else if (!parent.get().enabled() && (moved == null || moved.enabled())) {
				violations.add("parentId", "catalog.category.parent.disabled");
			}
		}
		violations.throwIfAny();
		return new Checked(code, name, description, draft.sortOrder() == null ? 0 : draft.sortOrder());
	}

	static Map<String, Object> view(Categories.Category category) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("parentId", category.parentId());
		view.put("code", category.code());
		view.put("name", category.name());
		view.put("description", category.description());
		view.put("path", category.path());
		view.put("sortOrder", category.sortOrder());
		view.put("enabled", category.enabled());
		return view;
	}

	private record Checked(String code, String name, String description, int sortOrder) {
	}
}
