package org.yunwei.ticket.internal.record;

import java.time.Instant;

import org.yunwei.ticket.TicketType;

/**
 * A ticket as stored, one row of {@code ticket}, as lists, pages and the API read it; the {@code with…} methods give a
 * copy with one field changed. What may change it, and how, is {@link org.yunwei.ticket.internal.work.Ticket}'s
 * business.
 */
public record TicketRow(long id, String number, TicketType type, TicketStatus status, PendingReason pendingReason,
		Channel channel, String subject, String description, Long reporterUserId, String reporterName,
		String reporterContact, long customerOrgUnitId, Long providerPartyId, Long serviceId, String serviceObject,
		String configurationItem, String category, int impact, int urgency, String priority, Long groupId,
		Long assigneeUserId, boolean major, Long coordinatorUserId, Long agreementId, Instant responseDueAt,
		Instant resolutionDueAt, Instant respondedAt, Instant resolvedAt, Instant closedAt, String resolutionCode,
		String resolutionText, String alertKey, Instant createdAt, Instant updatedAt, int version) {

	public TicketRow withId(long value) {
		return new TicketRow(value, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withNumber(String value) {
		return new TicketRow(id, value, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withType(TicketType value) {
		return new TicketRow(id, number, value, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withStatus(TicketStatus value) {
		return new TicketRow(id, number, type, value, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withPendingReason(PendingReason value) {
		return new TicketRow(id, number, type, status, value, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withChannel(Channel value) {
		return new TicketRow(id, number, type, status, pendingReason, value, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withSubject(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, value, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withDescription(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, value, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withReporterUserId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, value, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withReporterName(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, value, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withReporterContact(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, value, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withCustomerOrgUnitId(long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, value, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withProviderPartyId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, value, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withServiceId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, value, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withServiceObject(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, value, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withConfigurationItem(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, value, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withCategory(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, value, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withImpact(int value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, value, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withUrgency(int value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, value, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withPriority(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, value, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withGroupId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, value, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withAssigneeUserId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, value, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withMajor(boolean value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, value, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withCoordinatorUserId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, value, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withAgreementId(Long value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, value, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withResponseDueAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, value, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withResolutionDueAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, value, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withRespondedAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, value, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withResolvedAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, value, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withClosedAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, value, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withResolutionCode(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, value, resolutionText, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withResolutionText(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, value, alertKey, createdAt, updatedAt, version);
	}

	public TicketRow withAlertKey(String value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, value, createdAt, updatedAt, version);
	}

	public TicketRow withCreatedAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, value, updatedAt, version);
	}

	public TicketRow withUpdatedAt(Instant value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, value, version);
	}

	public TicketRow withVersion(int value) {
		return new TicketRow(id, number, type, status, pendingReason, channel, subject, description, reporterUserId, reporterName, reporterContact, customerOrgUnitId, providerPartyId, serviceId, serviceObject, configurationItem, category, impact, urgency, priority, groupId, assigneeUserId, major, coordinatorUserId, agreementId, responseDueAt, resolutionDueAt, respondedAt, resolvedAt, closedAt, resolutionCode, resolutionText, alertKey, createdAt, updatedAt, value);
	}
}
