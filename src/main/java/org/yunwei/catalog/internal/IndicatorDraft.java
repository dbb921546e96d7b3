package org.yunwei.catalog.internal;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A quantified indicator of a service (服务内容的定量指标, GZ 9.1.1.3): what is measured, its target and unit. */
@Schema(name = "CatalogIndicator")
record IndicatorDraft(
		@Schema(example = "现场响应时间", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "30", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal target,
		@Schema(example = "分钟", maxLength = 20, requiredMode = Schema.RequiredMode.REQUIRED) String unit,
		@Schema(example = "工作时间内，自报修至工程师到场", maxLength = 200,
				description = "how and over which period it is measured") String measurement) {
}
