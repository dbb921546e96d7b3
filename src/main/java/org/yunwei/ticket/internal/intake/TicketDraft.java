package org.yunwei.ticket.internal.intake;

/**
 * What a person (or an intake) submits for a new ticket. Everything may be missing or wrong; {@link TicketIntake}
 * checks it and says what is wrong, field by field.
 *
 * @param type {@code INCIDENT} or {@code SERVICE_REQUEST}
 * @param customerOrgUnitId the customer unit the ticket is for; a customer's own unit when they leave it out
 * @param reporterUserId a user of that customer who reported it; a customer is always their own reporter
 * @param reporterName for a reporter who is not a user (a caller, an e-mail sender)
 * @param channel PHONE (default for agents), EMAIL, API; PORTAL and MONITORING are set by those intakes
 * @param impact 1 (high) to 3 (low), default 2
 * @param urgency 1 (high) to 3 (low), default 2
 */
public record TicketDraft(String type, String subject, String description, Long customerOrgUnitId,
		Long reporterUserId, String reporterName, String reporterContact, String channel, Long serviceId,
		String serviceObject, String configurationItem, String category, Integer impact, Integer urgency,
		Long groupId, Long assigneeUserId) {
}
