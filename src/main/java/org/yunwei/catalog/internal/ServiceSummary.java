package org.yunwei.catalog.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A service as a row of the list. */
@Schema(name = "CatalogServiceSummary")
record ServiceSummary(long id, String code, String name, String description, long categoryId, String categoryName,
		long providerOrgUnitId, List<ServiceObjectKind> objects, boolean enabled) {
}
