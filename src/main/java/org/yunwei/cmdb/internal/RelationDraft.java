package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A relation as submitted from one item (the source) to another. */
public record RelationDraft(@Schema(description = "the other item (the target)") Long targetId,
		@Schema(description = "RUNS_ON, DEPENDS_ON, INSTALLED_ON, BACKED_UP_BY, CONTAINS or CONNECTED_TO") String type,
		@Schema(description = "optional, up to 500 characters") String note,
		@Schema(description = "why, kept in both items' history; optional, up to 1000 characters") String reason) {
}
