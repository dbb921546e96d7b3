package org.yunwei.catalog.internal;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code catalog_category} table: the tree of service categories. A category's {@code path} lists the ids from
 * the root down to itself, so that a subtree is one range scan and a move rewrites it in one statement.
 */
@Repository
class Categories {

	private static final String COLUMNS = "id, parent_id, code, name, description, path, sort_order, enabled";

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Category> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from catalog_category where id = ?").param(id).query(Category.class)
			.optional();
	}

	/** Every category, parents before children, siblings by sort order and name. */
	List<Category> all() {
		return jdbc.sql("select " + COLUMNS + " from catalog_category order by sort_order, name, id")
			.query(Category.class)
			.list();
	}

	long insert(Long parentId, String code, String name, String description, int sortOrder) {
		long id = jdbc.sql("""
				insert into catalog_category (parent_id, code, name, description, sort_order, path)
				values (?, ?, ?, ?, ?, '') returning id""")
			.params(parentId, code, name, description, sortOrder)
			.query(Long.class)
			.single();
		String parentPath = parentId == null ? "/" : find(parentId).orElseThrow().path();
		jdbc.sql("update catalog_category set path = ? where id = ?").params(parentPath + id + "/", id).update();
		return id;
	}

	void update(long id, String code, String name, String description, int sortOrder) {
		jdbc.sql("update catalog_category set code = ?, name = ?, description = ?, sort_order = ? where id = ?")
			.params(code, name, description, sortOrder, id)
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("update catalog_category set enabled = ? where id = ?").params(enabled, id).update();
	}

	/** Moves a category with its whole subtree under another parent, or to the top. */
	void move(long id, Long newParentId) {
		Category category = find(id).orElseThrow();
		String parentPath = newParentId == null ? "/" : find(newParentId).orElseThrow().path();
		jdbc.sql("update catalog_category set parent_id = ? where id = ?").params(newParentId, id).update();
		jdbc.sql("update catalog_category set path = ? || substr(path, ?) where path like ? || '%'")
			.params(parentPath + id + "/", category.path().length() + 1, category.path())
			.update();
	}

	boolean codeTaken(String code, Long exceptId) {
		return jdbc.sql("select count(*) from catalog_category where lower(code) = lower(?) and id <> coalesce(?, -1)")
			.params(code, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether enabled subcategories or enabled services still hang on this category. */
	boolean inUse(long id) {
		return jdbc.sql("""
				select exists (select 1 from catalog_category where parent_id = ? and enabled)
				    or exists (select 1 from catalog_service where category_id = ? and enabled)""")
			.params(id, id)
			.query(Boolean.class)
			.single();
	}

	@Schema(name = "CatalogCategory")
	record Category(long id, Long parentId, String code, String name, String description, String path,
			int sortOrder, boolean enabled) {
	}
}
