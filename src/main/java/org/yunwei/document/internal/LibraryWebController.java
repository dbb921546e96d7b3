package org.yunwei.document.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FormSubmission;

/**
 * The library's other pages: the categories (management adds, renames and retires them and picks their approval
 * policy), the box of the
 * documents that govern a module's work, which other modules' pages load (htmx) without depending on this module, and
 * the posts with their responsibility statements.
 */
@Controller
class LibraryWebController {

	/** Documents the governing box lists at most. */
	static final int GOVERNING = 5;

	private final DocumentCategories categories;
	private final CategoryRecords categoryRecords;
	private final DocumentRecords documents;
	private final DocumentAccess access;
	private final PostStatements statements;
	private final DocumentLibrary library;

	LibraryWebController(DocumentCategories categories, CategoryRecords categoryRecords, DocumentRecords documents,
			DocumentAccess access, PostStatements statements, DocumentLibrary library) {
		this.categories = categories;
		this.categoryRecords = categoryRecords;
		this.documents = documents;
		this.access = access;
		this.statements = statements;
		this.library = library;
	}

	@GetMapping("/documents/categories")
	String categories(Model model, Locale locale) {
		return categoriesPage(model, locale, null, Map.of());
	}

	@PostMapping("/documents/categories")
	String addCategory(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> items,
			@RequestParam(required = false) Long approvalPolicyId, Model model, RedirectAttributes redirect,
			Locale locale) {
		DocumentCategoryDraft draft = new DocumentCategoryDraft(name, items, approvalPolicyId);
		return FormSubmission.save(() -> categories.add(draft), "/documents/categories", "document.category.saved",
				redirect, "document.category.problem", model, errors -> categoriesPage(model, locale, draft, errors));
	}

	@PostMapping("/documents/categories/{id}/policy")
	String setPolicy(@PathVariable long id, @RequestParam(required = false) Long approvalPolicyId, Model model,
			RedirectAttributes redirect, Locale locale) {
		return FormSubmission.save(() -> categories.setPolicy(id, approvalPolicyId), "/documents/categories",
				"document.category.saved", redirect, "document.category.problem", model,
				errors -> categoriesPage(model, locale, null, errors));
	}

	@PostMapping("/documents/categories/{id}/name")
	String rename(@PathVariable long id, @RequestParam(required = false) String name, Model model,
			RedirectAttributes redirect, Locale locale) {
		return FormSubmission.save(() -> categories.rename(id, name), "/documents/categories",
				"document.category.saved", redirect, "document.category.problem", model, errors -> {
					// the error goes beside this row's name field, not the new category's
					model.addAttribute("renaming", id);
					model.addAttribute("renameName", name);
					model.addAttribute("renameErrors", errors);
					return categoriesPage(model, locale, null, Map.of());
				});
	}

	@PostMapping("/documents/categories/{id}/retire")
	String retire(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
		return FormSubmission.save(() -> categories.retire(id, true), "/documents/categories",
				"document.category.retired.done", redirect, "document.category.built-in", model,
				errors -> categoriesPage(model, locale, null, errors));
	}

	@PostMapping("/documents/categories/{id}/reinstate")
	String reinstate(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
		return FormSubmission.save(() -> categories.retire(id, false), "/documents/categories",
				"document.category.reinstated", redirect, "document.category.problem", model,
				errors -> categoriesPage(model, locale, null, errors));
	}

	private String categoriesPage(Model model, Locale locale, DocumentCategoryDraft draft, Map<String, String> errors) {
		model.addAttribute("categories", categories.all(locale));
		model.addAttribute("mayManage", access.mayManageCategories());
		model.addAttribute("policies", access.mayManageCategories() ? categories.policies() : List.of());
		model.addAttribute("items", DocumentEvidenceItems.ALL);
		model.addAttribute("form", draft == null ? new DocumentCategoryDraft(null, null, null) : draft);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("renameErrors")) {
			model.addAttribute("renaming", null);
			model.addAttribute("renameErrors", Map.of());
		}
		return "document/categories";
	}

	/**
	 * The documents of a category that govern the reader's work, as a box for other modules' pages: e.g. the service
	 * desk's list loads {@code /documents/governing?category=SERVICE_DESK}. An unknown category is an empty box.
	 */
	@GetMapping("/documents/governing")
	String governing(@RequestParam(required = false) String category, Model model, Locale locale) {
		var found = category == null ? java.util.Optional.<DocumentCategory>empty() : categoryRecords.findByCode(category);
		model.addAttribute("categoryName", found.map(c -> categories.find(c.id(), locale).name()).orElse(null));
		model.addAttribute("categoryId", found.map(DocumentCategory::id).orElse(null));
		model.addAttribute("governing", found.map(c -> library.views(documents.current(c.id(), access.readerScope(),
				GOVERNING))).orElse(List.of()));
		return "document/governing :: box";
	}

	@GetMapping("/documents/posts")
	String posts(Model model) {
		model.addAttribute("posts", statements.posts());
		return "document/posts";
	}

	@GetMapping("/documents/posts/{postId}")
	String post(@PathVariable long postId, Model model) {
		return postPage(postId, model, Map.of());
	}

	@PostMapping("/documents/posts/{postId}")
	String link(@PathVariable long postId, @RequestParam(required = false) Long documentId, Model model,
			RedirectAttributes redirect) {
		return FormSubmission.save(() -> statements.link(postId, documentId), "/documents/posts/" + postId,
				"document.post.saved", redirect, "document.post.problem", model,
				errors -> postPage(postId, model, errors));
	}

	private String postPage(long postId, Model model, Map<String, String> errors) {
		model.addAttribute("statement", statements.of(postId));
		model.addAttribute("backups", statements.backups(postId));
		model.addAttribute("mayManage", access.mayManage());
		var duties = categoryRecords.findByCode("POST_DUTIES").orElseThrow();
		model.addAttribute("statements", access.mayManage()
				? library.list(DocumentQuery.of(duties.id(), null, null, "TITLE", null, 200)).items() : List.of());
		model.addAttribute("errors", errors);
		return "document/post";
	}
}
