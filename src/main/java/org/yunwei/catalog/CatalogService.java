package org.yunwei.catalog;

/**
 * A service of the catalogue as other modules see it (SLAs, tickets): referenced by id, never by table.
 *
 * @param providerOrgUnitId the organisation unit that provides the service
 */
public record CatalogService(long id, String code, String name, long categoryId, long providerOrgUnitId,
		boolean enabled) {
}
