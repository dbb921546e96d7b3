package org.yunwei.emergency.internal;

/** The event or drill a report belongs to: an event's fault or post-event report, or a drill's report. */
record EmergencyReportSubject(EmergencyReportKind kind, long id) {

	static EmergencyReportSubject ofEvent(long eventId, String slug) {
		return new EmergencyReportSubject(EmergencyReportKind.ofEvent(slug), eventId);
	}

	static EmergencyReportSubject ofDrill(long drillId) {
		return new EmergencyReportSubject(EmergencyReportKind.DRILL, drillId);
	}

	/** The page of the report (edit form, status, history), where the approval request links to. */
	String page() {
		return kind.ofDrill() ? "/emergency/drills/" + id + "/report/content"
				: "/emergency/events/" + id + "/reports/" + kind.slug;
	}

	/** The printed document's page route (PDF or Word). */
	String document() {
		return switch (kind) {
			case FAULT -> "/emergency/events/" + id + "/fault-report";
			case POST_EVENT -> "/emergency/events/" + id + "/post-event-report";
			case DRILL -> "/emergency/drills/" + id + "/report";
		};
	}
}
