package org.yunwei.catalog.internal;

import org.yunwei.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.web.RejectedRequest;

/**
 * Management's changes to the services of the catalogue: create, change, disable and enable, each audited with the
 * service before and after. Supervision, which reads only, is refused even with the permission.
 */
@Service
class ServiceAdministration {

	private final Services services;
	private final Categories categories;
	private final ServiceValidation validation;
	private final CatalogBrowsing browsing;
	private final Actors actors;
	private final AuditTrail audit;

	ServiceAdministration(Services services, Categories categories, ServiceValidation validation,
			CatalogBrowsing browsing, Actors actors, AuditTrail audit) {
		this.services = services;
		this.categories = categories;
		this.validation = validation;
		this.browsing = browsing;
		this.actors = actors;
		this.audit = audit;
	}

	@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
	@Transactional
	public ServiceDetail create(ServiceDraft draft) {
		actors.writableScope();
		ServiceValidation.Valid valid = validation.check(draft, null);
		if (services.codeTaken(valid.code(), null)) {
			throw FieldErrors.taken("code", "catalog.code.taken");
		}
		long id = services.insert(valid.categoryId(), valid.code(), valid.name(), valid.description(),
				valid.providerOrgUnitId());
		services.replaceParts(id, valid.objects(), valid.indicators(), valid.customerOrgUnitIds());
		ServiceDetail created = browsing.detail(id);
		audit.record(AuditEntry.of("CATALOG_SERVICE_CREATE", "catalog_service", id).after(view(created)));
		return created;
	}

	@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
	@Transactional
	public ServiceDetail update(long id, ServiceDraft draft) {
		actors.writableScope();
		Services.Row row = services.find(id).orElseThrow(() -> RejectedRequest.notFound("service"));
		ServiceDetail before = browsing.detail(id);
		ServiceValidation.Valid valid = validation.check(draft, row);
		if (services.codeTaken(valid.code(), id)) {
			throw FieldErrors.taken("code", "catalog.code.taken");
		}
		services.update(id, valid.categoryId(), valid.code(), valid.name(), valid.description(),
				valid.providerOrgUnitId());
		services.replaceParts(id, valid.objects(), valid.indicators(), valid.customerOrgUnitIds());
		ServiceDetail after = browsing.detail(id);
		audit.record(AuditEntry.of("CATALOG_SERVICE_UPDATE", "catalog_service", id).before(view(before))
			.after(view(after)));
		return after;
	}

	/** Takes a service off the catalogue (customers no longer see or order it) or puts it back. */
	@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
	@Transactional
	public ServiceDetail setEnabled(long id, boolean enabled) {
		actors.writableScope();
		Services.Row row = services.find(id).orElseThrow(() -> RejectedRequest.notFound("service"));
		if (row.enabled() == enabled) {
			return browsing.detail(id);
		}
		if (enabled && !categories.find(row.categoryId()).orElseThrow().enabled()) {
			throw RejectedRequest.unprocessable("category-disabled", "catalog.category.disabled");
		}
		ServiceDetail before = browsing.detail(id);
		services.setEnabled(id, enabled);
		ServiceDetail after = browsing.detail(id);
		audit.record(AuditEntry.of(enabled ? "CATALOG_SERVICE_ENABLE" : "CATALOG_SERVICE_DISABLE", "catalog_service",
				id).before(view(before)).after(view(after)));
		return after;
	}

	static Map<String, Object> view(ServiceDetail service) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("categoryId", service.categoryId());
		view.put("code", service.code());
		view.put("name", service.name());
		view.put("description", service.description());
		view.put("providerOrgUnitId", service.provider().id());
		view.put("objects", service.objects());
		view.put("indicators", service.indicators());
		view.put("customerOrgUnitIds", service.customerIds());
		view.put("enabled", service.enabled());
		return view;
	}
}
