package org.yunwei.ticket.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.link.LinkKind;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.TicketNotices;

/**
 * The ticket side of a dissatisfied customer's follow-up (回访跟进), which the evaluation module asks for through
 * {@link org.yunwei.ticket.Tickets}: a service request "回访跟进：&lt;subject&gt;" for the same customer, assigned to the
 * group that resolved the original, linked to it ({@code RELATED}), and a notice to that group's lead; or, when the
 * evaluation module knows of an open follow-up already, the new complaint added to it as an internal note.
 * <p>
 * The follow-up goes through {@link TicketIntake#openForSystem}, so it is numbered, clocked and audited like any
 * ticket; what the intake would refuse (a retired service, a reporter who left, a disabled group) is left out
 * beforehand, so that the customer's rating is never refused for the service desk's housekeeping.
 */
@Component
class FollowUpTickets {

	static final String SUBJECT_PREFIX = "回访跟进：";

	private final TicketIntake intake;
	private final TicketRecords tickets;
	private final Timeline timeline;
	private final TicketNotices notices;
	private final AssignmentGroups groups;
	private final Organisations organisations;
	private final People people;
	private final ServiceCatalog catalog;
	private final AuditTrail audit;
	private final JdbcClient jdbc;

	FollowUpTickets(TicketIntake intake, TicketRecords tickets, Timeline timeline, TicketNotices notices,
			AssignmentGroups groups, Organisations organisations, People people, ServiceCatalog catalog,
			AuditTrail audit, JdbcClient jdbc) {
		this.intake = intake;
		this.tickets = tickets;
		this.timeline = timeline;
		this.notices = notices;
		this.groups = groups;
		this.organisations = organisations;
		this.people = people;
		this.catalog = catalog;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** A new follow-up of {@code original}; empty when its customer unit no longer exists or is disabled. */
	Optional<TicketRow> open(TicketRow original, String reason, Channel channel, Author author) {
		OrganisationUnit unit = organisations.find(original.customerOrgUnitId())
			.filter(u -> u.enabled() && u.partyKind() == PartyKind.CUSTOMER).orElse(null);
		if (unit == null) {
			return Optional.empty();
		}
		TicketRow followUp = intake.openForSystem(draft(original, unit, reason), channel, author, null);
		link(followUp, original, author);
		tellLead(followUp, reason);
		return Optional.of(followUp);
	}

	/** Adds {@code reason} to an open follow-up (locked by the caller) as an internal note and tells its lead. */
	TicketRow join(TicketRow followUp, TicketRow original, String reason, Author author) {
		timeline.append(followUp.id(), EntryKind.NOTE, false, author.userId(), author.name(), reason, null, null);
		tickets.update(followUp, now());
		audit.record(AuditEntry.of("TICKET_FOLLOW_UP_JOINED", "ticket", followUp.id())
			.detail(followUp.number() + " ← " + original.number()).actor(author.auditActor()));
		tellLead(followUp, reason);
		return followUp;
	}

	private TicketDraft draft(TicketRow original, OrganisationUnit unit, String reason) {
		Long reporterUserId = original.reporterUserId() == null ? null
				: people.find(original.reporterUserId()).filter(p -> p.enabled() && p.partyId() == unit.partyId())
					.map(Person::id).orElse(null);
		Long serviceId = original.serviceId() == null ? null
				: catalog.find(original.serviceId()).filter(CatalogService::enabled)
					.filter(s -> catalog.orderableBy(s.id(), unit.id())).map(CatalogService::id).orElse(null);
		Long groupId = original.groupId() == null ? null
				: groups.find(original.groupId()).filter(AssignmentGroup::enabled).map(AssignmentGroup::id)
					.orElse(null);
		String description = notices.text("ticket.follow-up.description", original.number(), original.subject(),
				reason);
		return new TicketDraft(TicketType.SERVICE_REQUEST.name(), cut(SUBJECT_PREFIX + original.subject(), 200),
				cut(description, 10000), unit.id(), reporterUserId, cut(original.reporterName(), 100),
				cut(original.reporterContact(), 200), null, serviceId, original.serviceObject(), null, null, 2, 2,
				groupId, null);
	}

	private void link(TicketRow followUp, TicketRow original, Author author) {
		jdbc.sql("insert into ticket_link (ticket_id, other_ticket_id, kind) values (?, ?, ?)")
			.params(followUp.id(), original.id(), LinkKind.RELATED.name())
			.update();
		timeline.append(original.id(), EntryKind.LINKED, false, author.userId(), author.name(), null,
				linked(followUp), null);
		timeline.append(followUp.id(), EntryKind.LINKED, false, author.userId(), author.name(), null,
				linked(original), null);
		audit.record(AuditEntry.of("TICKET_LINKED", "ticket", followUp.id())
			.after(Map.of("kind", LinkKind.RELATED, "otherTicketId", original.id()))
			.detail(followUp.number() + " ↔ " + original.number()).actor(author.auditActor()));
	}

	private void tellLead(TicketRow followUp, String reason) {
		Set<Long> recipients = followUp.groupId() == null ? Set.of()
				: groups.find(followUp.groupId()).map(AssignmentGroup::leadUserId).map(Set::of).orElse(Set.of());
		if (recipients.isEmpty() && followUp.providerPartyId() != null) {
			List<Long> admins = people.holding(Permission.TICKET_ADMIN, followUp.providerPartyId()).stream()
				.map(Person::id).toList();
			recipients = Set.copyOf(admins);
		}
		notices.to(followUp, "follow-up", reason, recipients);
	}

	private static Map<String, Object> linked(TicketRow other) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", LinkKind.RELATED.name());
		details.put("ticketId", other.id());
		details.put("number", other.number());
		return details;
	}

	static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}
}
