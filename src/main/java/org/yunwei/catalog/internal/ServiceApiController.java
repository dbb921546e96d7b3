package org.yunwei.catalog.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.KeysetPage;

@RestController
@RequestMapping("/api/v1/catalog/services")
@Tag(name = "Service catalogue: services", description = "服务目录: services with their service objects (服务对象), "
		+ "provider, quantified indicators and the customer units that may order them")
class ServiceApiController {

	private final CatalogBrowsing browsing;
	private final ServiceAdministration administration;

	ServiceApiController(CatalogBrowsing browsing, ServiceAdministration administration) {
		this.browsing = browsing;
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "Services the caller may see, one keyset page at a time",
			description = "Management and supervision see the whole catalogue, a provider the services its own units "
					+ "provide; a customer sees the enabled services their unit (or a unit above it) may order. Needs a "
					+ "customer's party or one of CATALOG_MANAGE, SLA_MANAGE, SLA_REPORT, TICKET_WORK, TICKET_ADMIN, "
					+ "TICKET_REPORT (403 otherwise). Pass `next` of a page as `cursor` for the "
					+ "next one, with the same sort.")
	KeysetPage<ServiceSummary> list(
			@Parameter(description = "services of this category and of the categories below it") @RequestParam(required = false) Long categoryId,
			@Parameter(description = "service object: OFFICE_EQUIPMENT, INFRASTRUCTURE, GOVERNMENT_CLOUD or NETWORK_SECURITY") @RequestParam(required = false) String object,
			@Parameter(description = "the providing organisation unit") @RequestParam(required = false) Long providerOrgUnitId,
			@Parameter(description = "text within the code or the name") @RequestParam(required = false) String q,
			@Parameter(description = "only enabled (true) or disabled (false) services") @RequestParam(required = false) Boolean enabled,
			@Parameter(description = "code (default) or name") @RequestParam(required = false) String sort,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@Parameter(description = "`next` of the previous page") @RequestParam(required = false) String cursor) {
		return browsing.list(ServiceQuery.of(categoryId, object, providerOrgUnitId, q, enabled, sort, limit, cursor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One service with its service objects, indicators and customer units",
			description = "404 for a customer whose unit may not order it.")
	ServiceDetail get(@PathVariable long id) {
		return browsing.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a service (CATALOG_MANAGE)",
			description = "400 with `errors` by field (e.g. `indicators[0].unit`); 409 when the code is taken.")
	ServiceDetail create(@RequestBody ServiceDraft draft) {
		return administration.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a service (CATALOG_MANAGE)",
			description = "The lists replace the service's objects, indicators and customer units.")
	ServiceDetail update(@PathVariable long id, @RequestBody ServiceDraft draft) {
		return administration.update(id, draft);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Take a service off the catalogue (CATALOG_MANAGE)")
	ServiceDetail disable(@PathVariable long id) {
		return administration.setEnabled(id, false);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Put a service back on the catalogue (CATALOG_MANAGE)",
			description = "422 while its category is disabled.")
	ServiceDetail enable(@PathVariable long id) {
		return administration.setEnabled(id, true);
	}
}
