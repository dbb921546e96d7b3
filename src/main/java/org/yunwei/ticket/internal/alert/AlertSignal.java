package org.yunwei.ticket.internal.alert;

import java.util.Map;
import java.util.Set;

/**
 * One delivery of a monitoring tool, read into what the service desk needs: which incident it concerns, whether the
 * trouble fires, recovered or was only commented on, and what a new incident would say.
 *
 * @param sourceKey the tool's own key of the trouble: Alertmanager's group key, the Zabbix problem's event id
 * @param labels what routes match on; a label may carry several values (a Zabbix host in several host groups)
 * @param summary one line for the incident's timeline
 * @param details what the timeline entry keeps of the delivery (counts, fingerprints, links)
 */
record AlertSignal(Source source, String sourceKey, State state, String subject, String description, String summary,
		Map<String, Set<String>> labels, AlertSeverity severity, String configurationItem, String reporterName,
		Map<String, Object> details) {

	AlertSignal {
		labels = Map.copyOf(labels);
		details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
	}

	enum Source {
		ALERTMANAGER, ZABBIX
	}

	enum State {
		/** the trouble is there (again) */
		FIRING,
		/** the trouble went away */
		RESOLVED,
		/** someone commented on or acknowledged it in the tool; nothing changed */
		UPDATED
	}

	/** Cuts text to a column's limit, marking the cut. */
	static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "…";
	}
}
