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
 * The reports of an emergency event and of a drill, derived from what was recorded (nothing is typed twice):
 * <ul>
 * <li>the fault report (故障报告, 9.2.2c): cause (the diagnosis recorded), times (declared, recovered — the last
 * handling-and-recovery action, else the closure — and closed), scope (level, description, the incident), the
 * process (the timeline to the second) and the recovery time;</li>
 * <li>the post-event report (事后总结报告): the summary, the checklist against its time limits, the escalations and
 * the timeline;</li>
 * <li>the drill report (应急演练报告, 8.2.2b): the drill plan, each step's instants and contact, the summary, the
 * improvements and whether the plan is to be revised.</li>
 * </ul>
 * Each prints as PDF or Word in the reader's language; reading rights and scope are those of the event or drill.
 */
@Service
class EmergencyReports {

	/** What a report is, with the template that prints it and the message that names its file. */
	enum Kind {
		FAULT("emergency/print/fault-report", "emergency.report.fault.title"),
		POST_EVENT("emergency/print/post-event-report", "emergency.report.post-event.title"),
		DRILL("emergency/print/drill-report", "emergency.report.drill.title");

		final String template;
		final String title;

		Kind(String template, String title) {
			this.template = template;
			this.title = title;
		}
	}

	private final EmergencyEventReading events;
	private final EmergencyDrillReading drills;
	private final Printing printing;
	private final org.springframework.context.MessageSource messages;

	EmergencyReports(EmergencyEventReading events, EmergencyDrillReading drills, Printing printing,
			org.springframework.context.MessageSource messages) {
		this.events = events;
		this.drills = drills;
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

	@Transactional(readOnly = true)
	public PrintedDocument event(long id, Kind kind, PrintFormat format, Locale locale) {
		EventView event = events.view(id);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("event", event);
		model.put("zone", EmergencyClock.ZONE);
		model.put("printedAt", Instant.now());
		model.put("diagnosis", event.timeline().stream()
			.filter(e -> "ACTION".equals(e.kind()) && "DIAGNOSIS".equals(e.phase())).toList());
		model.put("escalations", event.timeline().stream().filter(e -> "ESCALATED".equals(e.kind())).toList());
		Instant recoveredAt = recoveredAt(event);
		model.put("recoveredAt", recoveredAt);
		model.put("recoveryMinutes", recoveredAt == null ? null
				: Duration.between(event.declaredAt(), recoveredAt).toMinutes());
		model.put("recoverySeconds", recoveredAt == null ? null
				: Duration.between(event.declaredAt(), recoveredAt).toSecondsPart());
		model.put("stepsLate", event.steps().stream().filter(EmergencyEventReading.StepView::late).count());
		model.put("stepsDone", event.steps().stream().filter(s -> s.doneAt() != null).count());
		return printing.print(format, kind.template, model, locale,
				messages.getMessage(kind.title, null, locale) + "-" + event.number());
	}

	@Transactional(readOnly = true)
	public PrintedDocument drill(long id, PrintFormat format, Locale locale) {
		DrillView drill = drills.view(id);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("drill", drill);
		model.put("zone", EmergencyClock.ZONE);
		model.put("printedAt", Instant.now());
		return printing.print(format, Kind.DRILL.template, model, locale,
				messages.getMessage(Kind.DRILL.title, null, locale) + "-" + drill.id());
	}

	/** Service is back when the last handling-and-recovery action was recorded; without one, at the closure. */
	static Instant recoveredAt(EventView event) {
		List<EntryView> recovery = event.timeline().stream()
			.filter(e -> "ACTION".equals(e.kind()) && "RECOVERY".equals(e.phase())).toList();
		return recovery.isEmpty() ? event.closedAt() : recovery.getLast().at();
	}
}
