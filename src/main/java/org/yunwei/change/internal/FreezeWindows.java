package org.yunwei.change.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.ScopedActor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the freeze windows (重要保障期). Everyone who reads changes reads them; management's holders of CHANGE_MANAGE
 * declare and remove them, for every provider's changes alike. Every write is audited.
 */
@Service
class FreezeWindows {

	static final int MAX_DAYS = 366;

	private final FreezeWindowRecords records;
	private final ChangeScope scope;
	private final AuditTrail audit;

	FreezeWindows(FreezeWindowRecords records, ChangeScope scope, AuditTrail audit) {
		this.records = records;
		this.scope = scope;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<FreezeWindow> between(Instant from, Instant to) {
		scope.reader();
		return records.overlapping(from, to);
	}

	@Transactional
	public FreezeWindow declare(String name, String reason, Instant start, Instant end) {
		ScopedActor keeper = keeper();
		String cleanName = FieldErrors.clean(name);
		String cleanReason = FieldErrors.clean(reason);
		FieldErrors errors = new FieldErrors().required("name", cleanName, 200).optional("reason", cleanReason, 2000)
			.required("startsAt", start).required("endsAt", end);
		if (start != null && end != null && !end.isAfter(start)) {
			errors.add("endsAt", "change.freeze.end-before-start");
		}
		if (start != null && end != null && end.isAfter(start.plus(java.time.Duration.ofDays(MAX_DAYS)))) {
			errors.add("endsAt", "change.freeze.too-long");
		}
		errors.throwIfAny();
		long id = records.insert(cleanName, cleanReason, start, end, keeper.actor().userId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", cleanName);
		after.put("startsAt", start.toString());
		after.put("endsAt", end.toString());
		audit.record(AuditEntry.of("FREEZE_WINDOW_DECLARED", "change_freeze_window", id).after(after)
			.detail(cleanName));
		return records.find(id).orElseThrow();
	}

	@Transactional
	public void remove(long id) {
		keeper();
		FreezeWindow window = records.find(id).orElseThrow(() -> RejectedRequest.notFound("freeze-window"));
		records.remove(id);
		audit.record(AuditEntry.of("FREEZE_WINDOW_REMOVED", "change_freeze_window", id)
			.before(Map.of("name", window.name(), "startsAt", window.startsAt().toString(), "endsAt",
					window.endsAt().toString()))
			.detail(window.name()));
	}

	/** Whether the signed-in person may declare and remove freeze windows (for buttons on pages). */
	boolean mayKeep() {
		return scope.mayKeepFreezeWindows();
	}

	private ScopedActor keeper() {
		ScopedActor writer = scope.writer();
		if (writer.actor().partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("change.freeze.management-only");
		}
		return writer;
	}
}
