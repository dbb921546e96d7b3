package org.yunwei.catalog.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalog/categories")
@Tag(name = "Service catalogue: categories", description = "服务目录分类: the tree the services are filed in")
class CategoryApiController {

	private final CategoryAdministration categories;

	CategoryApiController(CategoryAdministration categories) {
		this.categories = categories;
	}

	@GetMapping
	@Operation(summary = "The category tree", description = "Top categories with their children, siblings by sort "
			+ "order and name. Customers see enabled categories only.")
	List<CategoryNode> tree() {
		return categories.tree();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One category")
	Categories.Category get(@PathVariable long id) {
		return categories.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a category (CATALOG_MANAGE)",
			description = "409 when the code is taken; the parent must exist and be enabled.")
	Categories.Category create(@RequestBody CategoryDraft draft) {
		return categories.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change or move a category (CATALOG_MANAGE)",
			description = "A different parentId moves the category with its subtree; moving it under itself or one of "
					+ "its descendants is refused.")
	Categories.Category update(@PathVariable long id, @RequestBody CategoryDraft draft) {
		return categories.update(id, draft);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable a category (CATALOG_MANAGE)",
			description = "422 while enabled subcategories or services remain in it.")
	Categories.Category disable(@PathVariable long id) {
		return categories.setEnabled(id, false);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable a category again (CATALOG_MANAGE)")
	Categories.Category enable(@PathVariable long id) {
		return categories.setEnabled(id, true);
	}
}
