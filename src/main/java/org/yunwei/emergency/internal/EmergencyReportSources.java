package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.emergency.internal.EmergencyDrillReading.DrillView;
import org.yunwei.emergency.internal.EmergencyEventReading.EntryView;
import org.yunwei.emergency.internal.EmergencyEventReading.EventView;
import org.yunwei.web.RejectedRequest;

/**
 * The event or drill a report is written from: where it is placed (for the writers' scope), whether it has ended (a
 * report goes for approval only then) and the first draft of the report's sections, generated from its timeline or
 * steps in the writer's language — the text the writers then correct.
 */
@Component
class EmergencyReportSources {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(EmergencyClock.ZONE);

	private final EmergencyEventRecords events;
	private final EmergencyDrillRecords drills;
	private final EmergencyEventReading eventReading;
	private final EmergencyDrillReading drillReading;
	private final MessageSource messages;

	EmergencyReportSources(EmergencyEventRecords events, EmergencyDrillRecords drills,
			EmergencyEventReading eventReading, EmergencyDrillReading drillReading, MessageSource messages) {
		this.events = events;
		this.drills = drills;
		this.eventReading = eventReading;
		this.drillReading = drillReading;
		this.messages = messages;
	}

	/** Where the subject is placed, whether it has ended, and how it is named (event number or drill title). */
	record Placement(long partyId, long orgUnitId, boolean ended, String name) {
	}

	/** 404 when the event or drill does not exist; the caller checks the scope. */
	Placement place(EmergencyReportSubject subject) {
		if (subject.kind().ofDrill()) {
			EmergencyDrill drill = drills.find(subject.id())
				.orElseThrow(() -> RejectedRequest.notFound("emergency-drill")).drill();
			return new Placement(drill.partyId(), drill.orgUnitId(), drill.status() == DrillStatus.FINISHED,
					drill.title());
		}
		EmergencyEvent event = events.find(subject.id())
			.orElseThrow(() -> RejectedRequest.notFound("emergency-event"));
		return new Placement(event.partyId(), event.orgUnitId(), !event.open(),
				event.number() + " " + event.title());
	}

	/** The sections as the record has them now (read with the reader's rights and scope). */
	Map<String, String> draft(EmergencyReportSubject subject, Locale locale) {
		Map<String, String> sections = new LinkedHashMap<>();
		if (subject.kind().ofDrill()) {
			DrillView drill = drillReading.view(subject.id());
			sections.put("process", drill.steps().stream().map(step -> step.position() + ". "
					+ phase(step.phase(), locale) + step.title()
					+ (step.startedAt() == null ? "" : "  " + msg("emergency.report.draft.started", locale,
							step.startedByName(), SECONDS.format(step.startedAt())))
					+ (step.finishedAt() == null ? "" : "  " + msg("emergency.report.draft.finished", locale,
							step.finishedByName(), SECONDS.format(step.finishedAt())))
					+ (step.note() == null ? "" : "（" + step.note() + "）"))
				.collect(Collectors.joining("\n")));
			sections.put("summary", orBlank(drill.summary()));
			sections.put("improvements", orBlank(drill.improvements()));
			return sections;
		}
		EventView event = eventReading.view(subject.id());
		List<EntryView> actions = event.timeline().stream()
			.filter(e -> "ACTION".equals(e.kind()) || "STEP_DONE".equals(e.kind()) || "ESCALATED".equals(e.kind()))
			.toList();
		String process = lines(actions, locale);
		if (subject.kind() == EmergencyReportKind.FAULT) {
			sections.put("scope", event.description() + (event.ticketNumber() == null ? ""
					: "\n" + msg("emergency.report.from-incident", locale, event.ticketNumber())));
			sections.put("cause", lines(phase(event.timeline(), "DIAGNOSIS"), locale));
			sections.put("process", process);
			Instant recovered = EmergencyReports.recoveredAt(event);
			String recovery = lines(phase(event.timeline(), "RECOVERY"), locale);
			if (recovered != null) {
				long seconds = java.time.Duration.between(event.declaredAt(), recovered).toSeconds();
				recovery = (recovery.isEmpty() ? "" : recovery + "\n") + msg("emergency.report.draft.recovered",
						locale, SECONDS.format(recovered), String.valueOf(seconds / 60),
						String.valueOf(seconds % 60));
			}
			sections.put("recovery", recovery);
			sections.put("lessons", orBlank(event.summary()));
		}
		else {
			sections.put("summary", orBlank(event.summary()));
			sections.put("process", process);
			sections.put("lessons", "");
		}
		return sections;
	}

	private static List<EntryView> phase(List<EntryView> timeline, String phase) {
		return timeline.stream().filter(e -> "ACTION".equals(e.kind()) && phase.equals(e.phase())).toList();
	}

	/** Each entry as a line: its instant to the second, who, what (as the printed timeline says it). */
	private String lines(List<EntryView> entries, Locale locale) {
		return entries.stream().map(e -> SECONDS.format(e.at()) + " " + e.actorName() + " "
				+ (e.phase() == null ? "" : phase(e.phase(), locale))
				+ msg("emergency.entry." + e.kind(), locale)
				+ (e.level() == null ? "" : " " + msg("emergency.level." + e.level(), locale))
				+ (e.text() == null ? "" : "：" + e.text()))
			.collect(Collectors.joining("\n"));
	}

	private String phase(String phase, Locale locale) {
		return "【" + msg("emergency.phase." + phase, locale) + "】";
	}

	private String msg(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static String orBlank(String text) {
		return text == null ? "" : text;
	}
}
