package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new party, as submitted by the API or the form. */
@Schema(name = "PartyDraft")
record PartyDraft(
		@Schema(example = "CUSTOMER", allowableValues = { "MANAGEMENT", "CUSTOMER", "SUPERVISION", "PROVIDER" },
				requiredMode = Schema.RequiredMode.REQUIRED) String kind,
		@Schema(example = "GZ-EDU", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "市教育局", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name) {
}
