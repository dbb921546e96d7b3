package org.yunwei.ticket.internal.statistics;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * What ticket volumes are counted by, with the ticket column that holds it and the parameter of the ticket list
 * ({@code /tickets}, {@code GET /api/v1/tickets}) that filters by it.
 */
enum TicketStatisticsDimension {
	TYPE("type", "type"),
	PRIORITY("priority", "priority"),
	CATEGORY("category", "category"),
	CUSTOMER("customer_org_unit_id", "customerOrgUnitId"),
	SERVICE("service_id", "serviceId"),
	CHANNEL("channel", "channel"),
	STATUS("status", "status");

	private final String column;
	private final String listParameter;

	TicketStatisticsDimension(String column, String listParameter) {
		this.column = column;
		this.listParameter = listParameter;
	}

	String column() {
		return column;
	}

	String listParameter() {
		return listParameter;
	}

	/** Whether the values are many (every customer unit, service, category), so that a chart shows the first few. */
	boolean many() {
		return this == CUSTOMER || this == SERVICE || this == CATEGORY;
	}

	/** The value's name in the API and in message keys, e.g. {@code service}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Reads {@code groupBy}; missing or unknown is refused (400) naming the field. */
	static TicketStatisticsDimension parse(String value) {
		String text = FieldErrors.clean(value);
		if (text == null) {
			throw RejectedRequest.invalidField("groupBy", "field.required");
		}
		for (TicketStatisticsDimension dimension : values()) {
			if (dimension.name().equalsIgnoreCase(text)) {
				return dimension;
			}
		}
		throw RejectedRequest.invalidField("groupBy", "ticket-stats.group-by.unknown");
	}
}
