package org.yunwei.ticket.internal.alert;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.yunwei.web.FieldErrors;

/**
 * What Prometheus Alertmanager's {@code webhook_config} posts (payload version 4): one notification per alert group,
 * repeated while the group fires and once more when it resolves ({@code send_resolved}). Fields Alertmanager may add
 * later are ignored.
 */
@Schema(name = "AlertmanagerNotification", description = "Alertmanager webhook payload, version 4")
public record AlertmanagerNotification(
		@Schema(example = "4") String version,
		@Schema(description = "the group's key: one incident per key", example = "{}:{alertname=\"InstanceDown\"}") String groupKey,
		Integer truncatedAlerts,
		@Schema(example = "firing", allowableValues = { "firing", "resolved" }) String status,
		String receiver,
		Map<String, String> groupLabels,
		Map<String, String> commonLabels,
		Map<String, String> commonAnnotations,
		String externalURL,
		List<Alert> alerts) {

	private static final int LISTED_ALERTS = 20;

	/** One alert of the group. */
	@Schema(name = "AlertmanagerAlert")
	record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
			String endsAt, String generatorURL, String fingerprint) {

		Map<String, String> labelsOrEmpty() {
			return labels == null ? Map.of() : labels;
		}

		Map<String, String> annotationsOrEmpty() {
			return annotations == null ? Map.of() : annotations;
		}
	}

	/** Checks the notification (400 with every wrong field) and reads it. */
	AlertSignal signal() {
		FieldErrors errors = new FieldErrors();
		if (version == null) {
			errors.add("version", "field.required");
		}
		else if (!"4".equals(version.strip())) {
			errors.add("version", "alert.alertmanager.version");
		}
		String key = FieldErrors.clean(groupKey);
		errors.required("groupKey", key, 10000);
		AlertSignal.State state = state(status, "status", errors);
		if (alerts == null || alerts.isEmpty()) {
			errors.add("alerts", "alert.alertmanager.alerts-required");
		}
		else {
			for (int i = 0; i < alerts.size(); i++) {
				if (alerts.get(i) == null) {
					errors.add("alerts[" + i + "]", "field.required");
				}
				else {
					state(alerts.get(i).status(), "alerts[" + i + "].status", errors);
				}
			}
		}
		errors.throwIfAny();
		Map<String, String> labels = new TreeMap<>(map(groupLabels));
		labels.putAll(map(commonLabels));
		Map<String, String> annotations = map(commonAnnotations);
		String name = first(annotations.get("summary"), labels.get("alertname"), key);
		long firing = alerts.stream().filter(a -> "firing".equalsIgnoreCase(a.status().strip())).count();
		String summary = AlertSignal.cut(name, 300) + " (" + firing + "/" + alerts.size() + " firing)";
		return new AlertSignal(AlertSignal.Source.ALERTMANAGER, key, state,
				AlertSignal.cut(name, 200), description(key, labels, annotations), summary,
				labels.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Set.of(e.getValue()))),
				severity(labels), AlertSignal.cut(FieldErrors.clean(labels.get("instance")), 200),
				AlertSignal.cut("Alertmanager" + (FieldErrors.clean(receiver) == null ? "" : " · " + receiver.strip()),
						100),
				details(key, firing));
	}

	private AlertSeverity severity(Map<String, String> labels) {
		if (labels.containsKey("severity")) {
			return AlertSeverity.ofPrometheus(labels.get("severity"));
		}
		// alerts of one group may differ in severity: the worst one counts
		return alerts.stream().map(a -> AlertSeverity.ofPrometheus(a.labelsOrEmpty().get("severity")))
			.min(Enum::compareTo).orElse(AlertSeverity.MEDIUM);
	}

	private String description(String key, Map<String, String> labels, Map<String, String> annotations) {
		StringBuilder text = new StringBuilder();
		String about = first(annotations.get("description"), annotations.get("summary"), null);
		if (about != null) {
			text.append(about.strip()).append("\n\n");
		}
		text.append("Alertmanager ").append(first(externalURL, "", "")).append('\n');
		text.append("receiver: ").append(first(receiver, "", "")).append('\n');
		text.append("groupKey: ").append(key).append('\n');
		text.append("labels: ").append(labels).append('\n');
		text.append("alerts (").append(alerts.size()).append("):\n");
		for (Alert alert : alerts.subList(0, Math.min(LISTED_ALERTS, alerts.size()))) {
			Map<String, String> own = new TreeMap<>(alert.labelsOrEmpty());
			own.keySet().removeAll(labels.keySet());
			text.append("- [").append(alert.status().strip()).append("] ").append(own.isEmpty() ? "" : own + " ")
				.append(first(alert.annotationsOrEmpty().get("summary"), "", ""))
				.append(" · startsAt ").append(first(alert.startsAt(), "?", "?"));
			if (alert.generatorURL() != null) {
				text.append(" · ").append(alert.generatorURL());
			}
			text.append('\n');
		}
		if (alerts.size() > LISTED_ALERTS || truncatedAlerts != null && truncatedAlerts > 0) {
			text.append("…\n");
		}
		return AlertSignal.cut(text.toString().strip(), 10000);
	}

	private Map<String, Object> details(String key, long firing) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", "ALERTMANAGER");
		details.put("status", status.strip().toLowerCase(java.util.Locale.ROOT));
		details.put("groupKey", key);
		details.put("receiver", receiver);
		details.put("externalURL", externalURL);
		details.put("firing", firing);
		details.put("resolved", alerts.size() - firing);
		List<String> fingerprints = new ArrayList<>();
		alerts.stream().map(Alert::fingerprint).filter(f -> f != null).limit(50).forEach(fingerprints::add);
		details.put("fingerprints", fingerprints);
		return details;
	}

	private static AlertSignal.State state(String value, String field, FieldErrors errors) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned == null) {
			errors.add(field, "field.required");
			return null;
		}
		return switch (cleaned.toLowerCase(java.util.Locale.ROOT)) {
			case "firing" -> AlertSignal.State.FIRING;
			case "resolved" -> AlertSignal.State.RESOLVED;
			default -> {
				errors.add(field, "alert.alertmanager.status");
				yield null;
			}
		};
	}

	private static Map<String, String> map(Map<String, String> values) {
		Map<String, String> clean = new TreeMap<>();
		if (values != null) {
			values.forEach((k, v) -> {
				if (k != null && v != null) {
					clean.put(k, v);
				}
			});
		}
		return clean;
	}

	private static String first(String value, String otherwise, String last) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned != null) {
			return cleaned;
		}
		String other = FieldErrors.clean(otherwise);
		return other != null ? other : last;
	}
}
