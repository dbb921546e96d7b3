package org.yunwei.document.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A document's particulars as a form or a client sends them.
 *
 * @param ownerId the person responsible for it; {@code null}: the one who saves it
 * @param partyIds parties it applies to beside the keeping party
 * @param orgUnitIds units it applies to (and the units below them)
 */
public record DocumentDraft(
		@Schema(description = "a category's id (GET /api/v1/document-categories)") Long categoryId,
		@Schema(description = "1 to 200 characters") String title,
		@Schema(description = "the person responsible; the caller when left out") Long ownerId,
		@Schema(description = "up to 2000 characters") String summary,
		@Schema(description = "when it is next to be reviewed (yyyy-MM-dd)") LocalDate reviewDate,
		@Schema(description = "parties it applies to beside the keeping party") List<Long> partyIds,
		@Schema(description = "units it applies to, and the units below them") List<Long> orgUnitIds) {

	public DocumentDraft {
		partyIds = partyIds == null ? List.of() : List.copyOf(partyIds);
		orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
	}
}
