package org.yunwei.ticket.internal.alert;

import java.util.Locale;

/**
 * How bad an alert is, as the incident's impact and urgency (1 high – 3 low) and so, through the priority matrix, its
 * priority. Each monitoring tool's own scale maps onto it: Alertmanager's {@code severity} label (critical, warning,
 * info — the Prometheus convention) and Zabbix's six trigger severities.
 */
enum AlertSeverity {
	/** critical; Zabbix Disaster (灾难). */
	CRITICAL(1, 1),
	/** error, high, major; Zabbix High (严重). */
	HIGH(1, 2),
	/** warning; Zabbix Average (一般严重); also an alert that names no severity. */
	MEDIUM(2, 2),
	/** Zabbix Warning (警告). */
	LOW(2, 3),
	/** info; Zabbix Information (信息) and Not classified (未分类). */
	INFO(3, 3);

	final int impact;
	final int urgency;

	AlertSeverity(int impact, int urgency) {
		this.impact = impact;
		this.urgency = urgency;
	}

	/** Alertmanager's {@code severity} label; {@code null} or an unknown word is {@link #MEDIUM}. */
	static AlertSeverity ofPrometheus(String label) {
		if (label == null) {
			return MEDIUM;
		}
		return switch (label.strip().toLowerCase(Locale.ROOT)) {
			case "critical", "disaster", "emergency", "fatal", "page" -> CRITICAL;
			case "error", "high", "major" -> HIGH;
			case "info", "informational", "information", "notice", "none", "low", "minor" -> INFO;
			default -> MEDIUM;
		};
	}

	/**
	 * Zabbix's numeric severity ({@code {EVENT.NSEVERITY}}, 0–5) when given, else its name ({@code {EVENT.SEVERITY}},
	 * English or Chinese); neither is {@link #MEDIUM}.
	 */
	static AlertSeverity ofZabbix(String number, String name) {
		if (number != null && number.strip().matches("[0-5]")) {
			return switch (Integer.parseInt(number.strip())) {
				case 5 -> CRITICAL;
				case 4 -> HIGH;
				case 3 -> MEDIUM;
				case 2 -> LOW;
				default -> INFO;
			};
		}
		if (name == null) {
			return MEDIUM;
		}
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "disaster", "灾难" -> CRITICAL;
			case "high", "严重" -> HIGH;
			case "warning", "警告" -> LOW;
			case "information", "信息", "not classified", "未分类" -> INFO;
			default -> MEDIUM;
		};
	}
}
