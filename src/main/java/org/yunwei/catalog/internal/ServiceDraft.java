package org.yunwei.catalog.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A catalogue service as submitted for creation or change; the lists replace what the service had. */
@Schema(name = "CatalogServiceDraft")
record ServiceDraft(
		@Schema(example = "4", requiredMode = Schema.RequiredMode.REQUIRED) Long categoryId,
		@Schema(example = "PC-REPAIR", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "办公电脑故障维修", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "台式机、笔记本电脑的软硬件故障诊断与维修", maxLength = 2000) String description,
		@Schema(example = "21", description = "an enabled unit of a service provider party",
				requiredMode = Schema.RequiredMode.REQUIRED) Long providerOrgUnitId,
		@Schema(description = "service objects (服务对象), at least one of OFFICE_EQUIPMENT, INFRASTRUCTURE, "
				+ "GOVERNMENT_CLOUD, NETWORK_SECURITY", example = "[\"OFFICE_EQUIPMENT\"]",
				requiredMode = Schema.RequiredMode.REQUIRED) List<String> objects,
		@Schema(description = "quantified indicators, at most 20") List<IndicatorDraft> indicators,
		@Schema(description = "units of customer parties that may order the service; their sub-units may too",
				example = "[31, 32]") List<Long> customerOrgUnitIds) {

	ServiceDraft {
		objects = objects == null ? List.of() : objects.stream().filter(java.util.Objects::nonNull).toList();
		indicators = indicators == null ? List.of() : indicators.stream().filter(java.util.Objects::nonNull).toList();
		customerOrgUnitIds = customerOrgUnitIds == null ? List.of()
				: customerOrgUnitIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}
}
