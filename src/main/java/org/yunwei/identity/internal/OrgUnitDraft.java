package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new organisation unit: at the top of its party's tree when {@code parentId} is absent. */
@Schema(name = "OrgUnitDraft")
record OrgUnitDraft(
		@Schema(example = "12", requiredMode = Schema.RequiredMode.REQUIRED) Long partyId,
		@Schema(example = "40", description = "a unit of the same party; omitted for a top unit") Long parentId,
		@Schema(example = "EDU-IT", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "信息中心", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name) {
}
