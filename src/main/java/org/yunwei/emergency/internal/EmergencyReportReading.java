package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.emergency.internal.EmergencyReportRecords.HistoryLine;
import org.yunwei.emergency.internal.EmergencyReportSources.Placement;
import org.yunwei.identity.People;

/**
 * Reading a report with the rights and scope of its event or drill: the stored one, or — before anyone drafted it —
 * the draft the record gives now (status NOT_DRAFTED, nothing stored), with its history and who approved it.
 */
@Service
class EmergencyReportReading {

	private final EmergencyReportRecords reports;
	private final EmergencyReportSources sources;
	private final EmergencyAccess access;
	private final People people;
	private final MessageSource messages;

	EmergencyReportReading(EmergencyReportRecords reports, EmergencyReportSources sources, EmergencyAccess access,
			People people, MessageSource messages) {
		this.reports = reports;
		this.sources = sources;
		this.access = access;
		this.people = people;
		this.messages = messages;
	}

	/** A section with its name in the reader's language. */
	record EmergencyReportSection(String key, String label, String text) {
	}

	/** A version saved or a step of the approval: who, when, which sections changed (by name), why. */
	record EmergencyReportHistoryEntry(Instant at, String actorName, String action, int revision,
			List<String> changed, String reason) {
	}

	/**
	 * A report. {@code status} NOT_DRAFTED (no {@code id}: the sections are what a draft would say now), DRAFT,
	 * IN_REVIEW or ISSUED; {@code approvedBy} and {@code issuedAt} once issued.
	 */
	record EmergencyReportView(Long id, String kind, String subjectName, String status, int revision,
			List<EmergencyReportSection> sections, String contentHash, String returnReason, Long approvalRequestId,
			List<String> approvedBy, Instant issuedAt, boolean ended, List<EmergencyReportHistoryEntry> history) {

		public boolean issued() {
			return "ISSUED".equals(status);
		}
	}

	@Transactional(readOnly = true)
	public EmergencyReportView view(EmergencyReportSubject subject, Locale locale) {
		access.reader();
		Placement place = sources.place(subject);
		access.requireVisible(place.partyId(), place.orgUnitId());
		EmergencyReport report = reports.find(subject).orElse(null);
		if (report == null) {
			EmergencyReport preview = EmergencyReport.drafted(subject, place.partyId(), place.orgUnitId(),
					sources.draft(subject, locale));
			return new EmergencyReportView(null, subject.kind().name(), place.name(),
					EmergencyReportStatus.NOT_DRAFTED.name(), 0, sections(preview.sections(), locale),
					preview.contentHash(), null, null, List.of(), null, place.ended(), List.of());
		}
		List<HistoryLine> history = reports.history(report.id());
		Map<Long, String> names = names(Stream.concat(report.approvedBy().stream(),
				history.stream().map(HistoryLine::actorId)).toList());
		return new EmergencyReportView(report.id(), subject.kind().name(), place.name(), report.status().name(),
				report.revision(), sections(report.sections(), locale), report.contentHash(), report.returnReason(),
				report.approvalRequestId(), report.approvedBy().stream().map(names::get).filter(Objects::nonNull).toList(),
				report.issuedAt(), place.ended(),
				history.stream().map(line -> new EmergencyReportHistoryEntry(line.at(),
						line.actorId() == null ? null : names.get(line.actorId()), line.action(), line.revision(),
						line.changed().stream().map(key -> label(key, locale)).toList(), line.reason()))
					.toList());
	}

	/**
	 * The statuses of the reports of the subject's kind(s), by kind name, for the event's or drill's page (which has
	 * checked the reader already).
	 */
	@Transactional(readOnly = true)
	public Map<String, String> statuses(long id, EmergencyReportKind... kinds) {
		Map<String, String> statuses = new HashMap<>();
		for (EmergencyReportKind kind : kinds) {
			statuses.put(kind.name(), reports.find(new EmergencyReportSubject(kind, id))
				.map(report -> report.status().name()).orElse(EmergencyReportStatus.NOT_DRAFTED.name()));
		}
		return statuses;
	}

	private List<EmergencyReportSection> sections(Map<String, String> sections, Locale locale) {
		return sections.entrySet().stream()
			.map(e -> new EmergencyReportSection(e.getKey(), label(e.getKey(), locale), e.getValue()))
			.toList();
	}

	private String label(String key, Locale locale) {
		return messages.getMessage("emergency.report.section." + key, null, locale);
	}

	private Map<Long, String> names(List<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		people.findAll(ids.stream().filter(Objects::nonNull).distinct().toList())
			.forEach(p -> names.put(p.id(), p.displayName()));
		return names;
	}
}
