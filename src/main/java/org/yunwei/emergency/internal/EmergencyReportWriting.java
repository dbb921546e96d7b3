package org.yunwei.emergency.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.emergency.internal.EmergencyReportSources.Placement;
import org.yunwei.identity.Actor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Writing a report: the people who manage the event or drill (EMERGENCY_MANAGE within its scope) draft it from the
 * record and edit its sections while it is a draft; each save that changes something is a version in its history
 * (who, when, which sections) and audited.
 */
@Service
class EmergencyReportWriting {

	static final int SECTION_LENGTH = 20_000;

	private final EmergencyReportRecords reports;
	private final EmergencyReportSources sources;
	private final EmergencyAccess access;
	private final AuditTrail audit;

	EmergencyReportWriting(EmergencyReportRecords reports, EmergencyReportSources sources, EmergencyAccess access,
			AuditTrail audit) {
		this.reports = reports;
		this.sources = sources;
		this.access = access;
		this.audit = audit;
	}

	/** Drafts the report from the record as it is now; 409 when it is drafted already. */
	@Transactional
	public void draft(EmergencyReportSubject subject, Locale locale) {
		Actor writer = writable(subject);
		Placement place = sources.place(subject);
		if (reports.find(subject).isPresent()) {
			throw RejectedRequest.conflict("emergency-report-exists", "emergency.report.exists");
		}
		EmergencyReport report = EmergencyReport.drafted(subject, place.partyId(), place.orgUnitId(),
				sources.draft(subject, locale));
		long id = reports.insert(report, writer.userId());
		reports.history(id, writer.userId(), "DRAFTED", report.revision(), subject.kind().sections,
				report.sections(), null);
		audit.record(AuditEntry.of("EMERGENCY_REPORT_DRAFTED", "emergency_report", id)
			.after(Map.of("kind", subject.kind().name(), "subjectId", subject.id(), "hash", report.contentHash()))
			.detail(place.name()));
	}

	/**
	 * Saves the given sections (the others stay as they are): 400 naming {@code sections.<key>} for a section the
	 * report does not have or a text too long, 404 before it is drafted, 409 in review or issued.
	 */
	@Transactional
	public void edit(EmergencyReportSubject subject, Map<String, String> sections) {
		Actor writer = writable(subject);
		FieldErrors errors = new FieldErrors();
		if (sections == null || sections.isEmpty()) {
			errors.add("sections", "emergency.report.sections.required");
		}
		else {
			sections.forEach((key, text) -> {
				if (!subject.kind().sections.contains(key)) {
					errors.add("sections." + key, "emergency.report.section.unknown");
				}
				else if (text != null && text.length() > SECTION_LENGTH) {
					errors.add("sections." + key, "emergency.report.section.too-long");
				}
			});
		}
		errors.throwIfAny();
		EmergencyReport report = reports.findForUpdate(subject)
			.orElseThrow(() -> RejectedRequest.notFound("emergency-report"));
		String before = report.contentHash();
		List<String> changed = report.edit(new LinkedHashMap<>(sections));
		if (changed.isEmpty()) {
			return;
		}
		reports.update(report);
		reports.history(report.id(), writer.userId(), "EDITED", report.revision(), changed, report.sections(), null);
		audit.record(AuditEntry.of("EMERGENCY_REPORT_EDITED", "emergency_report", report.id())
			.before(Map.of("hash", before))
			.after(Map.of("revision", report.revision(), "changed", changed, "hash", report.contentHash())));
	}

	/** The writer, refused (403) without the right and (404) outside the subject's scope. */
	Actor writable(EmergencyReportSubject subject) {
		Actor writer = access.planAuthor();
		Placement place = sources.place(subject);
		access.requireVisible(place.partyId(), place.orgUnitId());
		access.requireWritable(place.partyId(), place.orgUnitId());
		return writer;
	}
}
