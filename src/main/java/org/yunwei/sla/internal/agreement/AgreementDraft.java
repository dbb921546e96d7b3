package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A service level agreement as submitted for creation or change. */
@Schema(name = "SlaDraft")
record AgreementDraft(
		@Schema(example = "SLA-2026-DESK", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "市政务服务中心桌面运维服务级别协议", maxLength = 200,
				requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "12", description = "服务方: a party of kind PROVIDER",
				requiredMode = Schema.RequiredMode.REQUIRED) Long providerPartyId,
		@Schema(example = "40", description = "使用方: a unit of a CUSTOMER party, covering its subtree; "
				+ "omitted means any customer") Long customerOrgUnitId,
		@Schema(example = "false", description = "默认协议: the fallback; at most one, with no customer and no services")
		Boolean defaultAgreement,
		@Schema(example = "1", description = "business calendar; omitted means the default calendar") Long calendarId,
		@Schema(example = "2026-01-01", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate validFrom,
		@Schema(example = "2026-12-31", description = "omitted means open-ended") LocalDate validTo,
		@Schema(example = "true", description = "omitted means enabled") Boolean enabled,
		@Schema(example = "[7, 8]", description = "catalogue services; empty means all services") List<Long> serviceIds,
		@Schema(description = "exactly one target for each of P1–P4",
				requiredMode = Schema.RequiredMode.REQUIRED) List<TargetTerms> targets,
		List<EscalationTerms> escalations,
		@Schema(example = "0", description = "on change: the version read; a different current version is a 409")
		Integer version) {
}
