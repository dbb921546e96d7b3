package org.yunwei.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** A category with the categories below it, as the API and the pages show the tree. */
@Schema(name = "CatalogCategoryNode")
record CategoryNode(long id, Long parentId, String code, String name, String description, int sortOrder,
		boolean enabled, List<CategoryNode> children) {

	/** Builds the forest from categories in any order; siblings keep the order they came in. */
	static List<CategoryNode> treeOf(List<Categories.Category> categories) {
		Map<Long, List<Categories.Category>> byParent = new LinkedHashMap<>();
		for (Categories.Category category : categories) {
			byParent.computeIfAbsent(category.parentId() == null ? 0L : category.parentId(), k -> new ArrayList<>())
				.add(category);
		}
		return childrenOf(0L, byParent);
	}

	private static List<CategoryNode> childrenOf(long parentId, Map<Long, List<Categories.Category>> byParent) {
		return byParent.getOrDefault(parentId, List.of()).stream()
			.map(c -> new CategoryNode(c.id(), c.parentId(), c.code(), c.name(), c.description(), c.sortOrder(),
					c.enabled(), childrenOf(c.id(), byParent)))
			.toList();
	}
}
