package org.yunwei.document.internal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new version's particulars beside its file (or as rich text).
 *
 * @param body rich text (HTML; kept within a small safe list); {@code null} for a file version
 * @param internal a file only the keeping side reads (never a customer)
 * @param effectiveDate when it is to take effect once granted; {@code null}: the day it is granted
 */
public record VersionDraft(
		@Schema(description = "rich text as HTML, for a version without a file; scripts and styles are removed") String body,
		@Schema(description = "a file only the keeping side reads; each download is audited") Boolean internal,
		@Schema(description = "what changed, up to 500 characters") String changeNote,
		@Schema(description = "when it takes effect once granted (yyyy-MM-dd); the day of the grant when left out")
		LocalDate effectiveDate) {
}
