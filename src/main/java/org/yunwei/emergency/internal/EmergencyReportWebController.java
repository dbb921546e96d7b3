package org.yunwei.emergency.internal;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.emergency.internal.EmergencyReports.Kind;

/** The report downloads linked from an event's and a drill's page, in the reader's language. */
@Controller
class EmergencyReportWebController {

	private final EmergencyReports reports;

	EmergencyReportWebController(EmergencyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/emergency/events/{id}/fault-report")
	ResponseEntity<byte[]> fault(@PathVariable long id, @RequestParam(required = false) String format,
			Locale locale) {
		return reports.event(id, Kind.FAULT, EmergencyReports.format(format), locale).download();
	}

	@GetMapping("/emergency/events/{id}/post-event-report")
	ResponseEntity<byte[]> postEvent(@PathVariable long id, @RequestParam(required = false) String format,
			Locale locale) {
		return reports.event(id, Kind.POST_EVENT, EmergencyReports.format(format), locale).download();
	}

	@GetMapping("/emergency/drills/{id}/report")
	ResponseEntity<byte[]> drill(@PathVariable long id, @RequestParam(required = false) String format,
			Locale locale) {
		return reports.drill(id, EmergencyReports.format(format), locale).download();
	}
}
