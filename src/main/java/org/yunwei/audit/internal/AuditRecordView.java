package org.yunwei.audit.internal;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One audit record as readers see it. {@code before} and {@code after} are the JSON stored with it, or {@code null};
 * {@code chainSeq} and {@code hash} are {@code null} until the sealer has chained it.
 */
record AuditRecordView(long id, Instant occurredAt, String actor, String clientAddress, String action,
		String objectType, String objectId, String outcome, String detail, JsonNode before, JsonNode after,
		Long chainSeq, String hash) {
}
