package org.yunwei.inspection.internal.check;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.SystemIncident;
import org.yunwei.ticket.SystemResolution;
import org.yunwei.ticket.Tickets;

/**
 * What a failing check raises and a recovered one ends. A failure of a check on a configuration item with a customer
 * unit opens an incident (monitoring channel, category 自动巡检, the item's name, the reading and a link back to the
 * check), as an inspection's anomaly does; without a customer unit the check's owner is told instead (topic
 * {@code inspection.check}). The first warning after a quiet run (a certificate near its expiry, a slow answer) and
 * a recovery are told to the owner. A recovery also resolves the incident the failure opened, through
 * {@code Tickets.resolveForSystem}: resolved when nobody has started on it, a note for the agent who works it.
 */
@Component
class CheckAlarms {

	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final Tickets tickets;
	private final ConfigurationItems items;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;

	CheckAlarms(Tickets tickets, ConfigurationItems items, MessageSource messages, ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.items = items;
		this.messages = messages;
		this.events = events;
	}

	/** Whether a failure of this check can carry an incident: it names an item with a customer unit. */
	Optional<ConfigurationItemSummary> incidentItem(AutomatedCheck check) {
		Long ciId = check.settings().ciId();
		return ciId == null ? Optional.empty()
				: items.findForSystem(ciId).filter(item -> item.customerUnitId() != null);
	}

	/** Opens the incident of a failure; its id. */
	long openIncident(AutomatedCheck check, ConfigurationItemSummary item, Reading reading) {
		String subject = text("check.incident.subject", cut(check.name(), 150));
		String description = text("check.incident.description", check.name(), describe(check), detail(reading),
				check.consecutiveFailures(), "/inspections/checks/" + check.id());
		return tickets.openIncidentForSystem(new SystemIncident(subject, description, item.customerUnitId(),
				check.providerPartyId(), item.name(), text("check.incident.category"), text("check.incident.reporter"),
				null, text("check.incident.reporter"), 2, 2)).id();
	}

	/**
	 * Tells the incident of an ended alarm that its check recovered: resolved when nobody has started on it, an
	 * internal note for the agent working it otherwise.
	 */
	SystemResolution resolveIncident(AutomatedCheck check, Reading reading, long incidentId) {
		return tickets.resolveForSystem(incidentId, text("check.incident.recovered", check.name(), describe(check),
				detail(reading), "/inspections/checks/" + check.id()), text("check.incident.reporter"));
	}

	void tellFailure(AutomatedCheck check, Reading reading) {
		tell(check, "check.notice.failed", text("check.notice.failed.body", check.name(), describe(check),
				detail(reading), check.consecutiveFailures()));
	}

	void tellWarning(AutomatedCheck check, Reading reading) {
		tell(check, "check.notice.warning", text("check.notice.warning.body", check.name(), describe(check),
				detail(reading)));
	}

	/** @param resolution what became of the incident; {@code null} when there was none, or it was not reached */
	void tellRecovery(AutomatedCheck check, Reading reading, Long incidentId, SystemResolution resolution) {
		String key = resolution == null ? "check.notice.recovered.incident"
				: "check.notice.recovered.incident." + resolution.name();
		String incident = incidentId == null ? ""
				: tickets.findForSystem(incidentId).map(t -> text(key, t.number())).orElse("");
		tell(check, "check.notice.recovered", text("check.notice.recovered.body", check.name(), describe(check),
				detail(reading), incident));
	}

	private void tell(AutomatedCheck check, String subjectKey, String body) {
		events.publishEvent(new Notice("inspection.check", text(subjectKey) + ": " + check.name(), body,
				"/inspections/checks/" + check.id(), Set.of(check.ownerId()), Set.of(), check.providerPartyId()));
	}

	private String describe(AutomatedCheck check) {
		CheckSettings s = check.settings();
		return text("check.kind." + s.kind().name()) + " " + s.target() + (s.port() == null ? "" : ":" + s.port());
	}

	String detail(Reading reading) {
		return messages.getMessage(reading.detailKey(), reading.detailArgs().toArray(), reading.detailKey(),
				LANGUAGE) + " (" + reading.millis() + " ms)";
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
