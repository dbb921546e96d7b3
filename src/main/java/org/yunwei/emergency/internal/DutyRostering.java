package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.emergency.internal.DutyRosterRecords.Roster;
import org.yunwei.identity.Actor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Keeping rosters (值守): a roster of the keeper's party for some days (EMERGENCY_MANAGE), its shifts with the person
 * on duty and whether they lead (EMERGENCY_MANAGE), and the duty log with its handovers (EMERGENCY_RESPOND). Each
 * write is audited; 400 names every refused field and changes nothing.
 */
@Service
public class DutyRostering {

	static final int MAX_DAYS = 366;

	private final DutyRosterRecords rosters;
	private final EmergencyAccess access;
	private final EmergencyPickers pickers;
	private final AuditTrail audit;

	DutyRostering(DutyRosterRecords rosters, EmergencyAccess access, EmergencyPickers pickers, AuditTrail audit) {
		this.rosters = rosters;
		this.access = access;
		this.pickers = pickers;
		this.audit = audit;
	}

	/** A roster as its keeper writes it. */
	public record RosterDraft(String name, @Schema(description = "NORMAL, HOLIDAY or KEY_PERIOD") String kind,
			LocalDate startsOn, @Schema(description = "the last day, included") LocalDate endsOn) {
	}

	/** A shift as its keeper writes it. */
	public record ShiftDraft(Instant startsAt, Instant endsAt, Long personId, Boolean lead) {
	}

	/** A duty log entry or a handover. */
	public record LogDraft(@Schema(description = "LOG or HANDOVER") String kind, String text,
			@Schema(description = "for a handover: who takes over") Long handedToId) {
	}

	@Transactional
	public long create(RosterDraft draft) {
		Actor keeper = access.planAuthor();
		RosterDraft d = draft == null ? new RosterDraft(null, null, null, null) : draft;
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(d.name());
		errors.required("name", name, EmergencyEventResponse.TITLE_MAX);
		DutyKind kind = errors.constant(DutyKind.class, d.kind(), "kind");
		errors.required("startsOn", d.startsOn());
		errors.required("endsOn", d.endsOn());
		if (d.startsOn() != null && d.endsOn() != null && (d.endsOn().isBefore(d.startsOn())
				|| d.endsOn().isAfter(d.startsOn().plusDays(MAX_DAYS - 1)))) {
			errors.add("endsOn", "emergency.duty.period.invalid");
		}
		errors.throwIfAny();
		long id = rosters.insert(keeper.partyId(), keeper.orgUnitId(), name, kind, d.startsOn(), d.endsOn(),
				keeper.userId());
		audit.record(AuditEntry.of("DUTY_ROSTER_CREATED", "duty_roster", id)
			.after(Map.of("name", name, "kind", kind.name(), "startsOn", d.startsOn().toString(), "endsOn",
					d.endsOn().toString()))
			.detail(name));
		return id;
	}

	/** A shift that starts within the roster's days and lasts at most a day, of a person of the keeper's party. */
	@Transactional
	public long addShift(long rosterId, ShiftDraft draft) {
		Actor keeper = access.planAuthor();
		ShiftDraft d = draft == null ? new ShiftDraft(null, null, null, null) : draft;
		FieldErrors errors = new FieldErrors();
		errors.required("startsAt", d.startsAt());
		errors.required("endsAt", d.endsAt());
		errors.required("personId", d.personId());
		if (d.personId() != null && !pickers.personOf(d.personId(), keeper.partyId())) {
			errors.add("personId", "emergency.plan.person.unknown");
		}
		Roster roster = load(rosterId);
		if (d.startsAt() != null && d.endsAt() != null) {
			Instant first = roster.startsOn().atStartOfDay(EmergencyClock.ZONE).toInstant();
			Instant afterLast = roster.endsOn().plusDays(1).atStartOfDay(EmergencyClock.ZONE).toInstant();
			if (!d.endsAt().isAfter(d.startsAt())) {
				errors.add("endsAt", "emergency.duty.shift.order");
			}
			else if (d.startsAt().isBefore(first) || !d.startsAt().isBefore(afterLast)) {
				errors.add("startsAt", "emergency.duty.shift.outside");
			}
			else if (d.endsAt().isAfter(d.startsAt().plusSeconds(24 * 3600))) {
				errors.add("endsAt", "emergency.duty.shift.too-long");
			}
		}
		errors.throwIfAny();
		boolean lead = Boolean.TRUE.equals(d.lead());
		long id = rosters.addShift(rosterId, d.startsAt(), d.endsAt(), d.personId(), lead);
		audit.record(AuditEntry.of("DUTY_SHIFT_ADDED", "duty_roster", rosterId)
			.after(Map.of("shiftId", id, "startsAt", d.startsAt().toString(), "endsAt", d.endsAt().toString(),
					"personId", d.personId(), "lead", lead))
			.detail(roster.name()));
		return id;
	}

	/** A duty log entry, or a handover to a person of the writer's party, at the instant it is written. */
	@Transactional
	public long log(long rosterId, LogDraft draft) {
		Actor writer = access.responder();
		LogDraft d = draft == null ? new LogDraft(null, null, null) : draft;
		FieldErrors errors = new FieldErrors();
		String kind = FieldErrors.clean(d.kind()) == null ? null : d.kind().strip().toUpperCase(java.util.Locale.ROOT);
		if (kind == null) {
			errors.add("kind", "field.required");
		}
		else if (!kind.equals("LOG") && !kind.equals("HANDOVER")) {
			errors.add("kind", "field.value.unknown");
		}
		String text = FieldErrors.clean(d.text());
		errors.required("text", text, EmergencyEventResponse.TEXT_MAX);
		if ("HANDOVER".equals(kind)) {
			errors.required("handedToId", d.handedToId());
		}
		if (d.handedToId() != null && !pickers.personOf(d.handedToId(), writer.partyId())) {
			errors.add("handedToId", "emergency.plan.person.unknown");
		}
		Roster roster = load(rosterId);
		errors.throwIfAny();
		Instant at = EmergencyClock.now();
		Long handedTo = "HANDOVER".equals(kind) ? d.handedToId() : null;
		long id = rosters.log(rosterId, at, writer.userId(), kind, text, handedTo);
		audit.record(AuditEntry.of("DUTY_LOG_WRITTEN", "duty_roster", rosterId)
			.after(Map.of("logId", id, "kind", kind, "at", at.toString())).detail(roster.name()));
		return id;
	}

	private Roster load(long rosterId) {
		Roster roster = rosters.findForUpdate(rosterId).orElseThrow(() -> RejectedRequest.notFound("duty-roster"));
		access.requireWritable(roster.partyId(), roster.orgUnitId());
		return roster;
	}
}
