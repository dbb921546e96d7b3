package org.yunwei.ticket.internal.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Monitoring alerts", description = "监控告警接入: receivers for Prometheus Alertmanager and Zabbix. They "
		+ "authenticate with an API token of an integration account (role 监控集成账号, permission ALERT_INTAKE) as "
		+ "`Authorization: Bearer <token>`; the account's alert routes (/api/v1/alert-routes) say which customer unit, "
		+ "service and group an incident belongs to. One incident per Alertmanager group key or Zabbix problem: repeats "
		+ "add to it, a recovery notes it (and resolves it when the route auto-resolves), firing again reopens a "
		+ "resolved one or, once it closed, opens a new one. Setup: docs/integrations/alerts.md.")
class AlertApiController {

	private static final String ANSWERS = "200 with what the delivery did; 400 (`malformed-request`, or "
			+ "`validation` with `errors` by field) for a payload that is not what the tool sends, 403 for a token "
			+ "without ALERT_INTAKE, 422 `no-alert-route` when no route of the account matches (nothing is written "
			+ "in any of these).";

	private final AlertIntake intake;

	AlertApiController(AlertIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/alertmanager")
	@Operation(summary = "Alertmanager webhook receiver (webhook_config, payload version 4)",
			description = "Point a `webhook_configs` entry here with `send_resolved: true` and "
					+ "`http_config.authorization.credentials` set to the account's token. " + ANSWERS,
			responses = @ApiResponse(responseCode = "200", description = "what the delivery did",
					content = @Content(examples = @ExampleObject(
							value = "{\"outcome\":\"OPENED\",\"ticketId\":42,\"number\":\"INC-20261122-0007\","
									+ "\"status\":\"ASSIGNED\",\"previousTicketId\":null}"))))
	AlertOutcome alertmanager(@RequestBody AlertmanagerNotification notification) {
		return intake.receive(notification);
	}

	@PostMapping("/zabbix")
	@Operation(summary = "Zabbix webhook receiver (the Yunwei media type)",
			description = "Import docs/integrations/zabbix-media-type.yaml (script: zabbix-media-type.js) and give "
					+ "the account's token as the user media's \"Send to\". `event_value` 1 is a problem, 0 its "
					+ "recovery; `event_update_status` 1 an update. " + ANSWERS)
	AlertOutcome zabbix(@RequestBody AlertZabbixEvent event) {
		return intake.receive(event);
	}
}
