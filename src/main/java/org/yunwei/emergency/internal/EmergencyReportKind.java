package org.yunwei.emergency.internal;

import java.util.List;

import org.yunwei.web.RejectedRequest;

/**
 * What a report is: the template that prints it, the message that names it, the word in its paths and the sections
 * its writers edit (the rest of it — overview, times, checklist, timeline — is printed from the record and is not
 * editable).
 */
enum EmergencyReportKind {

	FAULT("fault", "emergency/print/fault-report", "emergency.report.fault.title",
			List.of("scope", "cause", "process", "recovery", "lessons")),
	POST_EVENT("post-event", "emergency/print/post-event-report", "emergency.report.post-event.title",
			List.of("summary", "process", "lessons")),
	DRILL("drill", "emergency/print/drill-report", "emergency.report.drill.title",
			List.of("process", "summary", "improvements"));

	final String slug;
	final String template;
	final String title;
	final List<String> sections;

	EmergencyReportKind(String slug, String template, String title, List<String> sections) {
		this.slug = slug;
		this.template = template;
		this.title = title;
		this.sections = sections;
	}

	boolean ofDrill() {
		return this == DRILL;
	}

	/** An event's report named in a path ({@code fault}, {@code post-event}); 404 for anything else. */
	static EmergencyReportKind ofEvent(String slug) {
		if (FAULT.slug.equals(slug)) {
			return FAULT;
		}
		if (POST_EVENT.slug.equals(slug)) {
			return POST_EVENT;
		}
		throw RejectedRequest.notFound("emergency-report");
	}
}
