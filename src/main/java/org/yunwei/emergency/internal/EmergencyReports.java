package org.yunwei.emergency.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.emergency.internal.EmergencyDrillReading.DrillView;
import org.yunwei.emergency.internal.EmergencyEventReading.EntryView;
import org.yunwei.emergency.internal.EmergencyEventReading.EventView;
import org.yunwei.printing.PrintFormat;
import org.yunwei.printing.PrintedDocument;
import org.yunwei.printing.Printing;
import org.yunwei.web.FieldErrors;

/**
 * The reports of an emergency event and of a drill as documents:
 * <ul>
 * <li>the fault report (故障报告, 9.2.2c): overview and times (declared, recovered — the last handling-and-recovery
 * action, else the closure — closed, the recovery time) from the record, then the sections scope, cause, process,
 * recovery and lessons, then the timeline to the second;</li>
 * <li>the post-event report (事后总结报告): overview, the sections summary, process and lessons, the checklist against
 * its time limits, the escalations and the timeline;</li>
 * <li>the drill report (应急演练报告, 8.2.2b): the drill plan and each step's instants and contact, the sections
 * process, summary and improvements, and whether the plan is to be revised.</li>
 * </ul>
 * The sections are the stored report's text ({@link EmergencyReportReading}), or what a draft would say now before
 * anyone drafted it; the times, checklist and timeline are always the record's and are not editable. Anything not
 * issued prints as a draft (草稿); an issued report names its approvers and the date. Each prints as PDF or Word in
 * the reader's language; reading rights and scope are those of the event or drill.
 */
@Service
class EmergencyReports {

	private final EmergencyEventReading events;
	private final EmergencyDrillReading drills;
	private final EmergencyReportReading reports;
	private final Printing printing;
	private final org.springframework.context.MessageSource messages;

	EmergencyReports(EmergencyEventReading events, EmergencyDrillReading drills, EmergencyReportReading reports,
			Printing printing, org.springframework.context.MessageSource messages) {
		this.events = events;
		this.drills = drills;
		this.reports = reports;
		this.printing = printing;
		this.messages = messages;
	}

	/** The format named by {@code format} ({@code pdf} when absent); 400 naming the field otherwise. */
	static PrintFormat format(String format) {
		String wanted = FieldErrors.clean(format);
		PrintFormat chosen = wanted == null ? PrintFormat.PDF : PrintFormat.byExtension(wanted);
		if (chosen == null) {
			FieldErrors errors = new FieldErrors();
			errors.add("format", "emergency.report.format.invalid");
			errors.throwIfAny();
		}
		return chosen;
	}

	/** The report of an event or a drill as a document (the one piece every download route calls). */
	@Transactional(readOnly = true)
	public PrintedDocument print(EmergencyReportSubject subject, String format, Locale locale) {
		PrintFormat chosen = format(format);
		EmergencyReportKind kind = subject.kind();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("zone", EmergencyClock.ZONE);
		model.put("printedAt", Instant.now());
		String name;
		if (kind.ofDrill()) {
			DrillView drill = drills.view(subject.id());
			model.put("drill", drill);
			name = String.valueOf(drill.id());
		}
		else {
			EventView event = events.view(subject.id());
			model.put("event", event);
			model.put("escalations", event.timeline().stream().filter(e -> "ESCALATED".equals(e.kind())).toList());
			Instant recoveredAt = recoveredAt(event);
			model.put("recoveredAt", recoveredAt);
			model.put("recoveryMinutes", recoveredAt == null ? null
					: Duration.between(event.declaredAt(), recoveredAt).toMinutes());
			model.put("recoverySeconds", recoveredAt == null ? null
					: Duration.between(event.declaredAt(), recoveredAt).toSecondsPart());
			model.put("stepsLate", event.steps().stream().filter(EmergencyEventReading.StepView::late).count());
			model.put("stepsDone", event.steps().stream().filter(s -> s.doneAt() != null).count());
			name = event.number();
		}
		model.put("report", reports.view(subject, locale));
		return printing.print(chosen, kind.template, model, locale,
				messages.getMessage(kind.title, null, locale) + "-" + name);
	}

	/** Service is back when the last handling-and-recovery action was recorded; without one, at the closure. */
	static Instant recoveredAt(EventView event) {
		List<EntryView> recovery = event.timeline().stream()
			.filter(e -> "ACTION".equals(e.kind()) && "RECOVERY".equals(e.phase())).toList();
		return recovery.isEmpty() ? event.closedAt() : recovery.getLast().at();
	}
}
