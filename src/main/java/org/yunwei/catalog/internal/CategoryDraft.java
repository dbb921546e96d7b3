package org.yunwei.catalog.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A category as submitted for creation or change. A different {@code parentId} on change moves the category with
 * everything below it; {@code null} puts it at the top.
 */
@Schema(name = "CatalogCategoryDraft")
record CategoryDraft(
		@Schema(example = "3", description = "the parent category; omitted for a top category") Long parentId,
		@Schema(example = "OFFICE", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "办公设备运维", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "日常办公设备、周边配件与业务终端的运行维护", maxLength = 500) String description,
		@Schema(example = "10", description = "position among siblings, smaller first; 0 when omitted") Integer sortOrder) {
}
