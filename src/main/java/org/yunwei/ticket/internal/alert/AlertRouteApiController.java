package org.yunwei.ticket.internal.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alert-routes")
@Tag(name = "Alert routes", description = "告警路由 (TICKET_ADMIN): per integration account, which customer unit, "
		+ "service and assignment group the incidents of its alerts belong to. Routes are tried by `position`; the "
		+ "first whose `matchers` (label → value) all hold wins, else the account's default route (no matchers). "
		+ "Alertmanager labels are the group's labels and common labels; Zabbix gives `host`, `hostgroup` (each of "
		+ "the host's groups) and each event tag by its name. A provider's manager keeps its own accounts' routes; "
		+ "those who report on the desk (TICKET_REPORT) read them in their scope.")
class AlertRouteApiController {

	private final AlertRouteAdministration routes;

	AlertRouteApiController(AlertRouteAdministration routes) {
		this.routes = routes;
	}

	@GetMapping
	@Operation(summary = "Routes of the accounts in the caller's scope, each account's in the order they are tried")
	List<AlertRoute> list(@Parameter(description = "only this integration account's routes")
	@RequestParam(required = false) Long accountUserId) {
		return routes.list(accountUserId);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One route; 404 outside the caller's scope")
	AlertRoute get(@PathVariable long id) {
		return routes.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a route",
			description = "The account must hold ALERT_INTAKE; a group or a service is required (it names the "
					+ "provider that works the incidents); a service must be orderable by the customer unit. 400 with "
					+ "`errors` by field; 409 when the account already has a default route.")
	AlertRoute create(@RequestBody AlertRouteDraft draft) {
		return routes.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a route", description = "Replaces every field, as for create.")
	AlertRoute update(@PathVariable long id, @RequestBody AlertRouteDraft draft) {
		return routes.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a route", description = "Incidents it opened stay as they are.")
	void delete(@PathVariable long id) {
		routes.delete(id);
	}
}
