package org.yunwei.catalog;

/**
 * A category of the service catalogue as other modules see it, e.g. to offer it as a filter.
 *
 * @param depth 0 for a top category, 1 for one below it, and so on
 */
public record CatalogCategory(long id, Long parentId, String code, String name, int depth, boolean enabled) {
}
