package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A unit's new name, parent and state. A different {@code parentId} moves the unit with everything below it; a
 * {@code null} parent puts it at the top of its party.
 */
@Schema(name = "OrgUnitChange")
record OrgUnitChange(
		@Schema(example = "信息中心", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "40", description = "the parent after the change; null for a top unit") Long parentId,
		@Schema(example = "true", description = "false disables the unit; omitted keeps it as it is") Boolean enabled) {
}
