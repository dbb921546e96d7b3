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
}
