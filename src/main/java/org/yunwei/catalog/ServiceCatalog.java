package org.yunwei.catalog;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the service catalogue.
 */
@Service
public class ServiceCatalog {

	private final JdbcClient jdbc;

	ServiceCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The service of this id, enabled or not; empty when there is none. */
	public Optional<CatalogService> find(long serviceId) {
		return jdbc.sql("""
				select id, code, name, category_id, provider_org_unit_id, enabled from catalog_service where id = ?""")
			.param(serviceId)
			.query(CatalogService.class)
			.optional();
	}
}
