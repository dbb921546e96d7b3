package org.yunwei.document.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A category an administrator adds: its name, the key assessment items it evidences, its approval policy. */
public record DocumentCategoryDraft(
		@Schema(description = "1 to 100 characters, unique") String name,
		@Schema(description = "key assessment item ids its current documents evidence, e.g. 6.1.2a; may be empty")
		List<String> items,
		@Schema(description = "an approval policy's id (GET /api/v1/approval-policies); the default when left out")
		Long approvalPolicyId) {

	public DocumentCategoryDraft {
		items = items == null ? List.of() : List.copyOf(items);
	}
}
