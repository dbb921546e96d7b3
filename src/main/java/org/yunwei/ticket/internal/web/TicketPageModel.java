package org.yunwei.ticket.internal.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yunwei.ticket.internal.record.TicketSettings;

/** What every ticket page's model holds: the formats of times and sizes in the service desk's zone. */
@ControllerAdvice(assignableTypes = { TicketPagePortalWebController.class, TicketPageWorkspaceWebController.class,
		TicketPageDetailWebController.class, TicketPageAdminWebController.class,
		TicketPageIntakeWebController.class })
class TicketPageModel {

	private final TicketPageFormat format;

	TicketPageModel(TicketSettings settings) {
		this.format = new TicketPageFormat(settings.zone());
	}

	@ModelAttribute("fmt")
	TicketPageFormat format() {
		return format;
	}
}
