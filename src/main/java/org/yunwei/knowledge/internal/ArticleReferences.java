package org.yunwei.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.web.FieldErrors;

/**
 * The services and configuration items an article names: each must exist, and each item must be one the author may
 * see in the CMDB, or the content is refused (422) and nothing is saved. Also gives their names for the pages.
 */
@Component
class ArticleReferences {

	private final ServiceCatalog catalog;
	private final ConfigurationItems items;

	ArticleReferences(ServiceCatalog catalog, ConfigurationItems items) {
		this.catalog = catalog;
		this.items = items;
	}

	/** 422 naming {@code serviceIds} or {@code configurationItemIds} when one of them is unknown to the author. */
	void check(ArticleContent content) {
		FieldErrors errors = new FieldErrors();
		if (content.serviceIds().stream().anyMatch(id -> catalog.find(id).isEmpty())) {
			errors.add("serviceIds", "knowledge.services.unknown");
		}
		if (content.itemIds().stream().anyMatch(id -> items.find(id).isEmpty())) {
			errors.add("configurationItemIds", "knowledge.items.unknown");
		}
		errors.throwIfAny();
	}

	/** The services' names by id, those that still exist. */
	Map<Long, String> services(List<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		ids.forEach(id -> catalog.find(id).map(CatalogService::name).ifPresent(name -> names.put(id, name)));
		return names;
	}

	/** The items the reader may see, by id, named as a picker names them. */
	Map<Long, String> items(List<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		ids.forEach(id -> items.find(id).ifPresent(item -> names.put(id, label(item))));
		return names;
	}

	/** Items matching a text, for the picker. */
	List<ConfigurationItemSummary> search(String text, int limit) {
		return items.search(text, limit);
	}

	static String label(ConfigurationItemSummary item) {
		return item.name() + " · " + item.className() + (item.ipAddress() == null ? "" : " · " + item.ipAddress());
	}

	/** The enabled services, for the form. */
	List<CatalogService> enabledServices() {
		return catalog.enabled(500);
	}
}
