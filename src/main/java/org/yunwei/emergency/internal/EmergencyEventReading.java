package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.emergency.internal.EmergencyChecklist.EventStep;
import org.yunwei.emergency.internal.EmergencyTimeline.Entry;
import org.yunwei.emergency.internal.EmergencyTimeline.Kind;
import org.yunwei.identity.People;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/** Reading emergency events: the list in the reader's scope, one event with its checklist and timeline. */
@Service
public class EmergencyEventReading {

	private final EmergencyEventRecords events;
	private final EmergencyChecklist steps;
	private final EmergencyTimeline timeline;
	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final People people;
	private final Tickets tickets;

	EmergencyEventReading(EmergencyEventRecords events, EmergencyChecklist steps, EmergencyTimeline timeline, EmergencyPlanRecords plans,
			EmergencyPlanVersions versions, EmergencyAccess access, People people, Tickets tickets) {
		this.events = events;
		this.steps = steps;
		this.timeline = timeline;
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.people = people;
		this.tickets = tickets;
	}

	/** A line of the list. */
	public record EventLine(long id, String number, String title, String level, String status, Instant declaredAt,
			Instant closedAt) {
	}

	/** A checklist item with who did it; {@code dueAt} is the declaration plus the step's time limit. */
	public record StepView(long id, int position, String phase, String title, String ownerRole, Integer limitMinutes,
			Instant dueAt, Long doneById, String doneByName, Instant doneAt, String note, boolean late) {
	}

	/**
	 * A timeline entry: {@code level} is the level declared or escalated to, {@code text} what was said.
	 */
	public record EntryView(long id, Instant at, long actorId, String actorName, String kind, String phase,
			String level, String text) {
	}

	/** An event with everything its page shows. */
	public record EventView(long id, String number, String title, String description, String level, String status,
			Long planId, String planTitle, Integer planVersionNumber, Long ticketId, String ticketNumber,
			long declaredById, String declaredByName, Instant declaredAt, Instant closedAt, String summary,
			List<StepView> steps, List<EntryView> timeline, long lastEntryId) {
	}

	@Transactional(readOnly = true)
	public KeysetPage<EventLine> list(String status, String cursor, Integer limit) {
		access.reader();
		FieldErrors errors = new FieldErrors();
		String wanted = FieldErrors.clean(status);
		Boolean open = null;
		if (wanted != null) {
			if ("OPEN".equalsIgnoreCase(wanted)) {
				open = true;
			}
			else if ("CLOSED".equalsIgnoreCase(wanted)) {
				open = false;
			}
			else {
				errors.add("status", "field.value.unknown");
			}
		}
		int size = KeysetPage.limit(limit, errors, "emergency.limit.invalid");
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2).orElse(null);
		Instant afterTime = null;
		Long afterId = null;
		if (after != null) {
			try {
				afterTime = Instant.parse(after[0]);
				afterId = Long.parseLong(after[1]);
			}
			catch (RuntimeException malformed) {
				after = null;
			}
		}
		if (cursor != null && after == null) {
			errors.add("cursor", "emergency.cursor.invalid");
		}
		errors.throwIfAny();
		List<EventLine> lines = events.page(access.scope(), open, afterTime, afterId, size + 1).stream()
			.map(EmergencyEventReading::line).toList();
		return KeysetPage.of(lines, size, line -> KeysetCursor.encode(line.declaredAt(), line.id()));
	}

	@Transactional(readOnly = true)
	public EventView view(long id) {
		EmergencyEvent event = visible(id);
		List<EventStep> checklist = steps.ofEvent(id);
		List<Entry> entries = timeline.after(id, 0);
		Map<Long, String> names = names(Stream.concat(Stream.concat(Stream.of(event.declaredBy()),
				checklist.stream().map(EventStep::doneBy)), entries.stream().map(Entry::actorId)).toList());
		String planTitle = event.planId() == null ? null
				: plans.find(event.planId()).map(row -> row.plan().content().title()).orElse(null);
		Integer planVersion = event.planVersionId() == null ? null
				: versions.find(event.planVersionId()).map(EmergencyPlanVersions.PlanVersion::number).orElse(null);
		String ticketNumber = event.ticketId() == null ? null
				: tickets.find(event.ticketId()).map(TicketReference::number).orElse(null);
		Instant now = Instant.now();
		List<StepView> stepViews = checklist.stream().map(step -> {
			Instant due = step.limitMinutes() == null ? null : event.declaredAt().plusSeconds(60L * step.limitMinutes());
			boolean late = due != null && (step.done() ? step.doneAt().isAfter(due) : now.isAfter(due));
			return new StepView(step.id(), step.position(), step.phase().name(), step.title(), step.ownerRole(),
					step.limitMinutes(), due, step.doneBy(), step.doneBy() == null ? null : names.get(step.doneBy()),
					step.doneAt(), step.note(), late);
		}).toList();
		List<EntryView> entryViews = entries.stream().map(entry -> entry(entry, names)).toList();
		return new EventView(event.id(), event.number(), event.title(), event.description(), event.level().name(),
				event.open() ? "OPEN" : "CLOSED", event.planId(), planTitle, planVersion, event.ticketId(),
				ticketNumber, event.declaredBy(), names.get(event.declaredBy()), event.declaredAt(), event.closedAt(),
				event.summary(), stepViews, entryViews,
				entries.isEmpty() ? 0 : entries.stream().mapToLong(Entry::id).max().orElse(0));
	}

	/** The timeline entries after the given one, in order: what a watching page adds. */
	@Transactional(readOnly = true)
	public List<EntryView> timeline(long id, long afterId) {
		visible(id);
		List<Entry> entries = timeline.after(id, afterId);
		Map<Long, String> names = names(entries.stream().map(Entry::actorId).toList());
		return entries.stream().map(entry -> entry(entry, names)).toList();
	}

	/** The events declared from a ticket that the reader may read; 404 for a ticket they may not read. */
	@Transactional(readOnly = true)
	public List<EventLine> ofTicket(long ticketId) {
		access.reader();
		tickets.find(ticketId).orElseThrow(() -> RejectedRequest.notFound("ticket"));
		return events.ofTicket(ticketId, access.scope()).stream().map(EmergencyEventReading::line).toList();
	}

	/** The ticket an event may be declared from, if the reader may read it. */
	@Transactional(readOnly = true)
	public java.util.Optional<TicketReference> ticket(long ticketId) {
		return tickets.find(ticketId);
	}

	private EmergencyEvent visible(long id) {
		access.reader();
		EmergencyEvent event = events.find(id).orElseThrow(() -> RejectedRequest.notFound("emergency-event"));
		access.requireVisible(event.partyId(), event.orgUnitId());
		return event;
	}

	private static EventLine line(EmergencyEvent event) {
		return new EventLine(event.id(), event.number(), event.title(), event.level().name(),
				event.open() ? "OPEN" : "CLOSED", event.declaredAt(), event.closedAt());
	}

	private static EntryView entry(Entry entry, Map<Long, String> names) {
		String level = null;
		String text = entry.text();
		if (entry.kind() == Kind.DECLARED) {
			level = text;
			text = null;
		}
		else if (entry.kind() == Kind.ESCALATED && text != null) {
			int cut = text.indexOf('\n');
			level = cut < 0 ? text : text.substring(0, cut);
			text = cut < 0 ? null : text.substring(cut + 1);
		}
		return new EntryView(entry.id(), entry.at(), entry.actorId(), names.get(entry.actorId()), entry.kind().name(),
				entry.phase() == null ? null : entry.phase().name(), level, text);
	}

	private Map<Long, String> names(List<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		people.findAll(ids.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList()))
			.forEach(p -> names.put(p.id(), p.displayName()));
		return names;
	}
}
