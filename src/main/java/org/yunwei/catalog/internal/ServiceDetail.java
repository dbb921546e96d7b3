package org.yunwei.catalog.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A service with everything the catalogue says about it. */
@Schema(name = "CatalogServiceDetail")
record ServiceDetail(long id, String code, String name, String description, long categoryId, String categoryName,
		Unit provider, List<ServiceObjectKind> objects, List<Indicator> indicators, List<Unit> customers,
		boolean enabled, OffsetDateTime createdAt) {

	/** An organisation unit named by the service, with its party for people who do not know the ids. */
	@Schema(name = "CatalogOrgUnit")
	record Unit(long id, String name, long partyId, String partyName) {
	}

	@Schema(name = "CatalogIndicatorView")
	record Indicator(String name, BigDecimal target, String unit, String measurement) {
	}

	List<Long> customerIds() {
		return customers.stream().map(Unit::id).toList();
	}
}
