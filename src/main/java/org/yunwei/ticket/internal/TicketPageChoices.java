package org.yunwei.ticket.internal;

import java.util.List;

/** Fixed choices the ticket forms offer. */
final class TicketPageChoices {

	/** The service objects of the Guangzhou standard (服务对象), as the intake accepts them. */
	static final List<String> SERVICE_OBJECTS = List.of("OFFICE_EQUIPMENT", "INFRASTRUCTURE", "GOVERNMENT_CLOUD",
			"NETWORK_SECURITY");

	private TicketPageChoices() {
	}
}
