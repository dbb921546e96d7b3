package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A party's new name and state; its kind and code never change, other records refer to them. */
@Schema(name = "PartyChange")
record PartyChange(
		@Schema(example = "市教育局", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "true", description = "false disables the party; omitted keeps it as it is") Boolean enabled) {
}
