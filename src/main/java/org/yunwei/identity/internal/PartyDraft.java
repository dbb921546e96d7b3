package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new party, as submitted by the API or the form, with the top unit of its organisation tree: every party gets
 * one in the same step. A client that sends only the party gets a top unit named like the party and coded like it.
 */
@Schema(name = "PartyDraft")
record PartyDraft(
		@Schema(example = "CUSTOMER", allowableValues = { "MANAGEMENT", "CUSTOMER", "SUPERVISION", "PROVIDER" },
				requiredMode = Schema.RequiredMode.REQUIRED) String kind,
		@Schema(example = "GZ-EDU", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "市教育局", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "GZ-EDU", maxLength = 50,
				description = "code of the top organisation unit created with the party; the party's code when omitted")
		String topUnitCode,
		@Schema(example = "市教育局", maxLength = 100,
				description = "name of the top organisation unit created with the party; the party's name when omitted")
		String topUnitName) {

	static PartyDraft empty() {
		return new PartyDraft(null, null, null, null, null);
	}
}
