package org.yunwei.ticket.internal.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yunwei.web.FieldErrors;

/**
 * What the Yunwei media type for Zabbix (docs/integrations/zabbix-media-type.js) posts: Zabbix's webhook media types
 * send whatever their script builds, so this is our format, filled from Zabbix macros. A recovery and an update carry
 * the problem's event id ({@code {EVENT.ID}}), so every message about one problem lands on one incident. Values are
 * strings as Zabbix expands them; numbers are taken too.
 */
@Schema(name = "ZabbixEvent", description = "The JSON the Yunwei Zabbix media type posts")
record AlertZabbixEvent(
		@Schema(description = "{EVENT.ID}: the problem's event id, also in its recovery and updates", example = "8432")
		@JsonProperty("event_id") String eventId,
		@Schema(description = "{EVENT.VALUE}: 1 problem, 0 recovery", example = "1")
		@JsonProperty("event_value") String eventValue,
		@Schema(description = "{EVENT.UPDATE.STATUS}: 1 when the message is about an update (acknowledge, comment)", example = "0")
		@JsonProperty("event_update_status") String eventUpdateStatus,
		@Schema(description = "{EVENT.NAME}", example = "High CPU utilization (over 90% for 5m)")
		@JsonProperty("event_name") String eventName,
		@Schema(description = "{EVENT.SEVERITY}: Disaster, High, Average, Warning, Information, Not classified", example = "High")
		String severity,
		@Schema(description = "{EVENT.NSEVERITY}: 5 Disaster … 0 Not classified; wins over the name", example = "4")
		@JsonProperty("event_nseverity") String eventNseverity,
		@Schema(description = "{EVENT.DATE}", example = "2026.11.22") @JsonProperty("event_date") String eventDate,
		@Schema(description = "{EVENT.TIME}", example = "10:15:00") @JsonProperty("event_time") String eventTime,
		@Schema(description = "{EVENT.RECOVERY.DATE}") @JsonProperty("event_recovery_date") String eventRecoveryDate,
		@Schema(description = "{EVENT.RECOVERY.TIME}") @JsonProperty("event_recovery_time") String eventRecoveryTime,
		@Schema(description = "{EVENT.OPDATA}") @JsonProperty("event_opdata") String eventOpdata,
		@Schema(description = "{EVENT.TAGSJSON}, parsed: [{\"tag\": \"service\", \"value\": \"mysql\"}]")
		@JsonProperty("event_tags") List<Tag> eventTags,
		@Schema(description = "{EVENT.UPDATE.ACTION}") @JsonProperty("event_update_action") String eventUpdateAction,
		@Schema(description = "{EVENT.UPDATE.MESSAGE}") @JsonProperty("event_update_message") String eventUpdateMessage,
		@Schema(description = "{USER.FULLNAME} of the update") @JsonProperty("event_update_user") String eventUpdateUser,
		@Schema(description = "{HOST.NAME}", example = "db01") String host,
		@Schema(description = "{HOST.IP}") @JsonProperty("host_ip") String hostIp,
		@Schema(description = "{TRIGGER.HOSTGROUP.NAME}: comma-separated", example = "Linux servers, Databases")
		@JsonProperty("host_groups") String hostGroups,
		@Schema(description = "{TRIGGER.ID}") @JsonProperty("trigger_id") String triggerId,
		@Schema(description = "a link back to the problem in Zabbix") @JsonProperty("event_url") String eventUrl,
		@Schema(description = "{ALERT.MESSAGE}: the action's message text") String message) {

	/** A Zabbix event tag. */
	@Schema(name = "ZabbixTag")
	record Tag(String tag, String value) {
	}

	/** Checks the event (400 with every wrong field) and reads it. */
	AlertSignal signal() {
		FieldErrors errors = new FieldErrors();
		String id = FieldErrors.clean(eventId);
		errors.required("event_id", id).matches("event_id", id, java.util.regex.Pattern.compile("\\d{1,20}"),
				"alert.zabbix.event-id");
		String value = FieldErrors.clean(eventValue);
		errors.required("event_value", value).matches("event_value", value,
				java.util.regex.Pattern.compile("[01]"), "alert.zabbix.event-value");
		boolean update = "1".equals(FieldErrors.clean(eventUpdateStatus));
		String name = FieldErrors.clean(eventName);
		if (name == null && "1".equals(value) && !update) {
			errors.add("event_name", "field.required");
		}
		errors.throwIfAny();
		AlertSignal.State state = update ? AlertSignal.State.UPDATED
				: "1".equals(value) ? AlertSignal.State.FIRING : AlertSignal.State.RESOLVED;
		String subject = name == null ? "Zabbix problem " + id : name;
		return new AlertSignal(AlertSignal.Source.ZABBIX, id, state, AlertSignal.cut(subject, 200), description(id),
				summary(state, subject), labels(), AlertSeverity.ofZabbix(eventNseverity, severity),
				AlertSignal.cut(FieldErrors.clean(host), 200), "Zabbix", details(id, state));
	}

	private String summary(AlertSignal.State state, String subject) {
		String line = AlertSignal.cut(subject, 300);
		if (state == AlertSignal.State.UPDATED) {
			String by = FieldErrors.clean(eventUpdateUser);
			String what = FieldErrors.clean(eventUpdateMessage);
			line += (by == null ? "" : " · " + by) + (what == null ? "" : ": " + AlertSignal.cut(what, 1000));
		}
		return line;
	}

	/** {@code host}, each {@code hostgroup}, and each tag by its name. */
	private Map<String, Set<String>> labels() {
		Map<String, Set<String>> labels = new TreeMap<>();
		if (FieldErrors.clean(host) != null) {
			labels.put("host", Set.of(host.strip()));
		}
		Set<String> groups = new LinkedHashSet<>();
		if (hostGroups != null) {
			for (String group : hostGroups.split(",")) {
				if (!group.isBlank()) {
					groups.add(group.strip());
				}
			}
		}
		if (!groups.isEmpty()) {
			labels.put("hostgroup", groups);
		}
		for (Tag tag : tags()) {
			labels.computeIfAbsent(tag.tag().strip(), k -> new LinkedHashSet<>())
				.add(tag.value() == null ? "" : tag.value().strip());
		}
		labels.replaceAll((k, v) -> Set.copyOf(v));
		return labels;
	}

	private List<Tag> tags() {
		return eventTags == null ? List.of()
				: eventTags.stream().filter(t -> t != null && FieldErrors.clean(t.tag()) != null).toList();
	}

	private String description(String id) {
		StringBuilder text = new StringBuilder();
		if (FieldErrors.clean(message) != null) {
			text.append(message.strip()).append("\n\n");
		}
		line(text, "Zabbix event", id);
		line(text, "severity", severity);
		line(text, "host", host);
		line(text, "host IP", hostIp);
		line(text, "host groups", hostGroups);
		line(text, "trigger", triggerId);
		line(text, "started", join(eventDate, eventTime));
		line(text, "operational data", eventOpdata);
		if (!tags().isEmpty()) {
			line(text, "tags", String.join(", ", tags().stream()
				.map(t -> t.tag().strip() + (FieldErrors.clean(t.value()) == null ? "" : ":" + t.value().strip()))
				.toList()));
		}
		line(text, "link", eventUrl);
		return AlertSignal.cut(text.toString().strip(), 10000);
	}

	private Map<String, Object> details(String id, AlertSignal.State state) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", "ZABBIX");
		details.put("status", state == AlertSignal.State.FIRING ? "problem"
				: state == AlertSignal.State.RESOLVED ? "recovery" : "update");
		details.put("eventId", id);
		details.put("severity", severity);
		details.put("host", host);
		details.put("triggerId", triggerId);
		details.put("eventUrl", eventUrl);
		if (state == AlertSignal.State.RESOLVED) {
			details.put("recoveredAt", join(eventRecoveryDate, eventRecoveryTime));
		}
		if (state == AlertSignal.State.UPDATED) {
			details.put("updateAction", eventUpdateAction);
			details.put("updateUser", eventUpdateUser);
		}
		return details;
	}

	private static void line(StringBuilder text, String label, String value) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned != null) {
			text.append(label).append(": ").append(cleaned).append('\n');
		}
	}

	private static String join(String date, String time) {
		String d = FieldErrors.clean(date);
		String t = FieldErrors.clean(time);
		return d == null ? t : t == null ? d : d + " " + t;
	}
}
