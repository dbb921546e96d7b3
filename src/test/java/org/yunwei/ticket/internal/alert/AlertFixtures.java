package org.yunwei.ticket.internal.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.support.ApiClient;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Integration accounts, their routes and the payloads monitoring tools send, on top of the ticket world. The
 * Alertmanager payload follows the webhook format documented for {@code webhook_config} (version 4); the Zabbix one is
 * what docs/integrations/zabbix-media-type.js posts.
 */
public final class AlertFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The documented Alertmanager webhook payload, filled in for one firing alert of a government portal host. */
	static final String ALERTMANAGER_FIRING = """
			{
			  "version": "4",
			  "groupKey": "{}/{severity=\\"critical\\"}:{alertname=\\"InstanceDown\\"}",
			  "truncatedAlerts": 0,
			  "status": "firing",
			  "receiver": "yunwei",
			  "groupLabels": {"alertname": "InstanceDown"},
			  "commonLabels": {"alertname": "InstanceDown", "instance": "10.20.0.5:9100", "job": "node",
			                   "severity": "critical", "service": "gov-portal"},
			  "commonAnnotations": {"summary": "政务门户主机 10.20.0.5 宕机",
			                        "description": "10.20.0.5:9100 has been down for more than 5 minutes."},
			  "externalURL": "http://alertmanager.example.gov.cn:9093",
			  "alerts": [
			    {
			      "status": "firing",
			      "labels": {"alertname": "InstanceDown", "instance": "10.20.0.5:9100", "job": "node",
			                 "severity": "critical", "service": "gov-portal"},
			      "annotations": {"summary": "政务门户主机 10.20.0.5 宕机",
			                      "description": "10.20.0.5:9100 has been down for more than 5 minutes."},
			      "startsAt": "2026-11-22T09:52:26.739266876+08:00",
			      "endsAt": "0001-01-01T00:00:00Z",
			      "generatorURL": "http://prometheus.example.gov.cn:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1",
			      "fingerprint": "9c4f2a7d1e3b5a60"
			    }
			  ]
			}""";

	final TicketFixtures world;
	final ApiClient api;

	public AlertFixtures(TicketFixtures world) {
		this.world = world;
		this.api = world.api;
	}

	/** A new integration account of the world's provider. */
	public Account account() {
		String username = world.directory.user(world.providerUnit, "ALERT_INTEGRATION");
		return new Account(world.userId(username), username, world.token(username));
	}

	/** Creates a route through the API as the provider's service desk manager and answers its id. */
	public long route(long accountId, Map<String, String> matchers, Long serviceId, Long groupId, boolean autoResolve) {
		var response = api.post("/api/v1/alert-routes", world.token(world.lead),
				routeBody(accountId, matchers, serviceId, groupId, autoResolve));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	Map<String, Object> routeBody(long accountId, Map<String, String> matchers, Long serviceId, Long groupId,
			boolean autoResolve) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountUserId", accountId);
		body.put("name", matchers.isEmpty() ? "默认路由" : "路由 " + matchers);
		body.put("matchers", matchers);
		body.put("customerOrgUnitId", world.bureau);
		body.put("serviceId", serviceId);
		body.put("groupId", groupId);
		body.put("autoResolve", autoResolve);
		return body;
	}

	/** The documented payload with another status, for the whole group and each alert. */
	public static ObjectNode alertmanager(String status) {
		ObjectNode payload = (ObjectNode) JSON.readTree(ALERTMANAGER_FIRING);
		payload.put("status", status);
		for (JsonNode alert : payload.get("alerts")) {
			((ObjectNode) alert).put("status", status);
			if ("resolved".equals(status)) {
				((ObjectNode) alert).put("endsAt", "2026-11-22T10:07:26.739266876+08:00");
			}
		}
		return payload;
	}

	/** A Zabbix problem (value 1) or recovery (0) of event {@code eventId}, as the Yunwei media type posts it. */
	static Map<String, Object> zabbix(String eventId, String value, String severity, List<Map<String, String>> tags) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("event_id", eventId);
		event.put("event_value", value);
		event.put("event_update_status", "0");
		event.put("event_name", "MySQL: Service is down");
		event.put("severity", severity);
		event.put("event_date", "2026.11.22");
		event.put("event_time", "10:15:00");
		if ("0".equals(value)) {
			event.put("event_recovery_date", "2026.11.22");
			event.put("event_recovery_time", "10:31:00");
		}
		event.put("event_tags", tags);
		event.put("host", "db01");
		event.put("host_ip", "10.20.0.9");
		event.put("host_groups", "Databases, Linux servers");
		event.put("trigger_id", "23011");
		event.put("event_url", "https://zabbix.example.gov.cn/tr_events.php?triggerid=23011&eventid=" + eventId);
		event.put("message", "Problem started at 10:15:00 on 2026.11.22\nHost: db01");
		return event;
	}

	public record Account(long id, String username, String token) {
	}
}
