package org.yunwei.document.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/document-categories")
@Tag(name = "Document categories", description = "The categories of the library: those the standards name "
		+ "(服务台管理制度, 岗位职责说明书 …) and those management adds (DOCUMENT_MANAGE of the management party), each "
		+ "with the key assessment items it evidences and the approval policy its new versions go through. Everyone "
		+ "signed in reads them.")
class DocumentCategoryApiController {

	private final DocumentCategories categories;

	DocumentCategoryApiController(DocumentCategories categories) {
		this.categories = categories;
	}

	@GetMapping
	@Operation(summary = "Every category, the built-in ones first")
	List<DocumentCategories.CategoryView> all(Locale locale) {
		return categories.all(locale);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a category (DOCUMENT_MANAGE, management)",
			description = "400 naming the field for a missing name, an item the library does not evidence or an "
					+ "unknown approval policy; 409 for a name taken.")
	DocumentCategories.CategoryView add(@RequestBody DocumentCategoryDraft draft, Locale locale) {
		return categories.find(categories.add(draft), locale);
	}

	/** The policy a category's versions go through. */
	record PolicyChoice(Long approvalPolicyId) {
	}

	@PutMapping("/{id}/policy")
	@Operation(summary = "Set the approval policy of a category (DOCUMENT_MANAGE, management)",
			description = "`approvalPolicyId` null: the installation's default policy.")
	DocumentCategories.CategoryView policy(@PathVariable long id, @RequestBody PolicyChoice choice, Locale locale) {
		categories.setPolicy(id, choice.approvalPolicyId());
		return categories.find(id, locale);
	}

	/** A category's new name. */
	record DocumentCategoryRename(String name) {
	}

	@PutMapping("/{id}/name")
	@Operation(summary = "Rename a category (DOCUMENT_MANAGE, management)",
			description = "400 naming `name` for a blank name or one over 100 characters; 409 for a name another "
					+ "category has. A built-in category's new name replaces its name in every language.")
	DocumentCategories.CategoryView rename(@PathVariable long id, @RequestBody DocumentCategoryRename rename,
			Locale locale) {
		categories.rename(id, rename == null ? null : rename.name());
		return categories.find(id, locale);
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a category (DOCUMENT_MANAGE, management)",
			description = "Its documents stay and still evidence their items; no new document is filed under it. "
					+ "409 for a built-in category.")
	DocumentCategories.CategoryView retire(@PathVariable long id, Locale locale) {
		categories.retire(id, true);
		return categories.find(id, locale);
	}

	@PostMapping("/{id}/reinstate")
	@Operation(summary = "Reinstate a retired category (DOCUMENT_MANAGE, management)")
	DocumentCategories.CategoryView reinstate(@PathVariable long id, Locale locale) {
		categories.retire(id, false);
		return categories.find(id, locale);
	}
}
