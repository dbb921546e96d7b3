package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A change of an item whose class requires review (配置管理审核流程) — an edit of its fields, a lifecycle move, or a
 * relation gained or lost — as it waits for or received the approval module's decision.
 *
 * @param baseVersion the item's version the edit was made against: if the item changes before the decision, the
 *        edit no longer applies and ends {@code SUPERSEDED}
 * @param fields the item's fields as the edit would leave them, checked when submitted; {@code null} for the other
 *        kinds
 * @param changes what the edit changes against the base version
 * @param contentHash the hash the approval is asked for (hex SHA-256 of the item, base version and fields)
 * @param state {@code PENDING}, {@code APPLIED}, {@code REJECTED}, {@code RETURNED}, {@code WITHDRAWN} or
 *        {@code SUPERSEDED}
 * @param decisionReason why it was rejected or returned, as the approver said; {@code null} otherwise
 * @param kind {@code FIELDS}, {@code LIFECYCLE}, {@code RELATION_ADDED} or {@code RELATION_REMOVED}
 * @param proposal what a change other than a field edit proposes: {@code lifecycle}; {@code sourceId},
 *        {@code targetId}, {@code type}, {@code note}; or {@code relationId}
 */
public record CiPendingChange(long id, long itemId, int baseVersion, @JsonIgnore ItemFields fields,
		List<FieldChange> changes, String reason, String contentHash, Long requestedById, String requestedByName,
		Instant requestedAt, Long approvalRequestId, String state, Instant decidedAt, String decisionReason, String kind,
		@JsonIgnore Map<String, Object> proposal) {

	public CiPendingChange {
		changes = List.copyOf(changes);
		proposal = proposal == null ? Map.of() : proposal;
	}

	public boolean pending() {
		return "PENDING".equals(state);
	}
}
