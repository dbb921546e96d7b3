package org.yunwei.ticket.internal.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.ticket.ConfigurationItemNames;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.TicketTime;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.Ticket;
import org.yunwei.ticket.internal.work.TicketNotices;
import org.yunwei.ticket.internal.work.TicketWork;
import org.yunwei.web.RejectedRequest;

/**
 * Monitoring intake (监控告警接入): one incident per trouble a monitoring tool reports, kept by the alert key
 * {@code <source>:<account>:<key>} (Alertmanager's group key, the Zabbix problem's event id).
 * <ul>
 * <li>the first firing delivery opens an incident where the account's alert route says;</li>
 * <li>while it is open, repeats only add an ALERT entry to its timeline;</li>
 * <li>a recovery notes it, and resolves the incident (SOLVED) when the route auto-resolves and it is still open;</li>
 * <li>firing again reopens a resolved incident; after it closed, a new incident takes over the key.</li>
 * </ul>
 * Deliveries of one key are serialised by a transaction-scoped advisory lock taken before the ticket is looked up, so
 * that concurrent identical deliveries cannot open two incidents (a row lock alone cannot guard a row that does not
 * exist yet). Each delivery is one transaction: a refused one writes nothing.
 */
@Service
public class AlertIntake {

	private final Actors actors;
	private final TicketRecords tickets;
	private final TicketIntake intake;
	private final TicketWork work;
	private final Timeline timeline;
	private final AlertRoutes routes;
	private final TicketNotices notices;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ObjectProvider<ConfigurationItemNames> itemNames;

	AlertIntake(Actors actors, TicketRecords tickets, TicketIntake intake, TicketWork work, Timeline timeline,
			AlertRoutes routes, TicketNotices notices, AuditTrail audit, JdbcClient jdbc,
			ObjectProvider<ConfigurationItemNames> itemNames) {
		this.itemNames = itemNames;
		this.actors = actors;
		this.tickets = tickets;
		this.intake = intake;
		this.work = work;
		this.timeline = timeline;
		this.routes = routes;
		this.notices = notices;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** Takes one Alertmanager notification of the signed-in integration account (ALERT_INTAKE). */
	@Transactional
	@PreAuthorize("hasAuthority('ALERT_INTAKE')")
	public AlertOutcome receive(AlertmanagerNotification notification) {
		return take(notification.signal());
	}

	/** Takes one Zabbix event of the signed-in integration account (ALERT_INTAKE). */
	@Transactional
	@PreAuthorize("hasAuthority('ALERT_INTAKE')")
	public AlertOutcome receive(AlertZabbixEvent event) {
		return take(event.signal());
	}

	private AlertOutcome take(AlertSignal signal) {
		Actor account = actors.current();
		String key = key(signal, account.userId());
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(key).query(rs -> {
		});
		Optional<TicketRow> found = tickets.lockByAlertKey(key);
		if (found.isEmpty()) {
			return signal.state() == AlertSignal.State.FIRING ? open(signal, account, key, null)
					: AlertOutcome.ignored();
		}
		TicketRow ticket = found.get();
		return switch (signal.state()) {
			case FIRING -> fired(signal, account, key, ticket);
			case RESOLVED -> recovered(signal, account, ticket);
			case UPDATED -> {
				entry(ticket, signal, "alert.entry.updated");
				yield AlertOutcome.of(AlertOutcome.Outcome.NOTED, ticket);
			}
		};
	}

	private AlertOutcome fired(AlertSignal signal, Actor account, String key, TicketRow ticket) {
		if (ticket.status().open()) {
			entry(ticket, signal, "alert.entry.repeated");
			return AlertOutcome.of(AlertOutcome.Outcome.REPEATED, ticket);
		}
		if (ticket.status() == TicketStatus.RESOLVED) {
			entry(ticket, signal, "alert.entry.refired");
			TicketRow reopened = work.reopenLocked(ticket, notices.text("alert.reopened", signal.summary()));
			return AlertOutcome.of(AlertOutcome.Outcome.REOPENED, reopened);
		}
		// closed: the key moves to a new incident, the closed one keeps its history
		Ticket closed = Ticket.of(ticket);
		closed.releaseAlertKey();
		TicketRow moved = closed.state();
		tickets.update(moved, TicketTime.now());
		return open(signal, account, key, moved);
	}

	private AlertOutcome recovered(AlertSignal signal, Actor account, TicketRow ticket) {
		entry(ticket, signal, "alert.entry.recovered");
		boolean autoResolve = route(account, signal).map(AlertRoute::autoResolve).orElse(false);
		if (autoResolve && ticket.status().open()) {
			TicketRow resolved = work.resolveLocked(ticket, ResolutionCode.SOLVED,
					notices.text("alert.auto-resolved", signal.summary()), null);
			return AlertOutcome.of(AlertOutcome.Outcome.RESOLVED, resolved);
		}
		return AlertOutcome.of(AlertOutcome.Outcome.NOTED, ticket);
	}

	/** The configuration item the alert's host or instance is, by the name tickets give it, else the host as given. */
	private String configurationItem(AlertSignal signal) {
		String host = signal.configurationItem();
		ConfigurationItemNames names = itemNames.getIfAvailable();
		if (host == null || names == null) {
			return host;
		}
		return names.ofHost(host).orElse(host);
	}

	private AlertOutcome open(AlertSignal signal, Actor account, String key, TicketRow previous) {
		AlertRoute route = route(account, signal).orElseThrow(
				() -> RejectedRequest.unprocessable("no-alert-route", "alert.route.none", account.displayName()));
		TicketDraft draft = new TicketDraft(TicketType.INCIDENT.name(), signal.subject(), signal.description(),
				route.customerOrgUnitId(), null, signal.reporterName(), null, null, route.serviceId(), null,
				configurationItem(signal), null, signal.severity().impact, signal.severity().urgency,
				route.groupId(), null);
		TicketRow opened;
		try {
			opened = intake.openForSystem(draft, Channel.MONITORING, Author.of(account), key);
		}
		catch (RejectedRequest refused) {
			// the route names a unit, service or group that is no longer valid: the monitoring side cannot fix that
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "alert-route-invalid", "alert.route.stale",
					new Object[] { route.name() }, refused.fieldErrors());
		}
		entry(opened, signal, "alert.entry.opened");
		if (previous == null) {
			return AlertOutcome.of(AlertOutcome.Outcome.OPENED, opened);
		}
		Map<String, Object> moved = new LinkedHashMap<>();
		moved.put("alertKey", key);
		moved.put("followedBy", opened.number());
		timeline.append(previous.id(), EntryKind.ALERT, false, account.userId(), account.displayName(),
				notices.text("alert.entry.moved", opened.number()), moved, null);
		audit.record(AuditEntry.of("TICKET_ALERT_KEY_MOVED", "ticket", previous.id())
			.before(Map.of("alertKey", key)).after(moved).detail(previous.number()));
		return new AlertOutcome(AlertOutcome.Outcome.OPENED, opened.id(), opened.number(), opened.status(),
				previous.id());
	}

	/** The ALERT timeline entry every delivery leaves on its incident, audited. */
	private void entry(TicketRow ticket, AlertSignal signal, String messageKey) {
		Actor account = actors.current();
		timeline.append(ticket.id(), EntryKind.ALERT, false, account.userId(), account.displayName(),
				notices.text(messageKey, signal.summary()), signal.details(), null);
		tickets.update(ticket, TicketTime.now());
		audit.record(AuditEntry.of("TICKET_ALERT", "ticket", ticket.id()).after(Map.of("state", signal.state(),
				"source", signal.source())).detail(ticket.number()));
	}

	private Optional<AlertRoute> route(Actor account, AlertSignal signal) {
		return routes.ofAccount(account.userId()).stream().filter(AlertRoute::enabled)
			.filter(r -> r.matches(signal.labels())).findFirst();
	}

	/** The alert key; a very long group key is kept as its digest, so that the unique index can hold it. */
	static String key(AlertSignal signal, long accountUserId) {
		String sourceKey = signal.sourceKey();
		if (sourceKey.length() > 500) {
			try {
				sourceKey = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(sourceKey.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
		return signal.source().name().toLowerCase(java.util.Locale.ROOT) + ":" + accountUserId + ":" + sourceKey;
	}
}
