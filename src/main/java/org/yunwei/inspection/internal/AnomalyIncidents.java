package org.yunwei.inspection.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.inspection.internal.InspectionTasks.TaskRow;
import org.yunwei.inspection.internal.TaskWork.Anomaly;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.SystemIncident;
import org.yunwei.ticket.Tickets;

/**
 * Anomalies found by an inspection open one incident per task, linked to the item inspected (by its name, as a
 * ticket names its item) and carrying each reading with its thresholds. An incident needs a customer unit: a place,
 * or an item of shared infrastructure, has none, so then the plan's owner is told instead (a notice, topic
 * {@code inspection.anomaly}).
 */
@Component
class AnomalyIncidents {

	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final Tickets tickets;
	private final ConfigurationItems items;
	private final Actors actors;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;

	AnomalyIncidents(Tickets tickets, ConfigurationItems items, Actors actors, MessageSource messages,
			ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.items = items;
		this.actors = actors;
		this.messages = messages;
		this.events = events;
	}

	/** The incident opened, or empty when the owner was told instead. */
	Optional<Long> open(TaskRow task, List<Anomaly> anomalies) {
		Actor worker = actors.current();
		String readings = anomalies.stream().map(this::reading).collect(Collectors.joining("\n"));
		Optional<ConfigurationItemSummary> item = task.ciId() == null ? Optional.empty() : items.find(task.ciId());
		if (item.isEmpty() || item.get().customerUnitId() == null) {
			events.publishEvent(new Notice("inspection.anomaly",
					text("inspection.notice.anomaly") + ": " + task.planName() + " · " + task.targetLabel(),
					text("inspection.notice.anomaly.body", task.targetLabel(), worker.displayName(), readings),
					"/inspections/tasks/" + task.id(), Set.of(task.ownerId()), Set.of(), null));
			return Optional.empty();
		}
		String subject = text("inspection.incident.subject", cut(task.targetLabel(), 150), anomalies.size());
		String description = text("inspection.incident.description", task.planName(), task.targetLabel(),
				task.scheduledOn().toString(), worker.displayName(), readings, "/inspections/tasks/" + task.id());
		Long provider = worker.partyKind() == PartyKind.PROVIDER ? worker.partyId() : null;
		return Optional.of(tickets.openIncidentForSystem(new SystemIncident(subject, description,
				item.get().customerUnitId(), provider, item.get().name(), text("inspection.incident.category"),
				text("inspection.incident.reporter", cut(task.planName(), 80)), worker.userId(), worker.displayName(), 2, 2))
			.id());
	}

	private String reading(Anomaly anomaly) {
		String value = "FAIL".equals(anomaly.value()) ? text("inspection.result.FAIL") : anomaly.value()
				+ (anomaly.unit() == null ? "" : " " + anomaly.unit());
		String range = anomaly.min() == null && anomaly.max() == null ? ""
				: " (" + text("inspection.incident.range", anomaly.min() == null ? "—" : anomaly.min().toPlainString(),
						anomaly.max() == null ? "—" : anomaly.max().toPlainString()) + ")";
		String note = anomaly.note() == null ? "" : " — " + anomaly.note();
		return "· " + anomaly.label() + ": " + value + range + note;
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
