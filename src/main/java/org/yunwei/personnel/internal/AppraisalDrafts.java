package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the appraisal forms and the API submit. */
final class AppraisalDrafts {

	private AppraisalDrafts() {
	}

	/** One item of a score sheet: its name, weight in percent and where its score comes from. */
	public record SheetItemDraft(String name, BigDecimal weight,
			@Schema(description = "MANUAL, TICKET_TIMELINESS or TICKET_QUALITY") String source) {
	}

	/** A score sheet: the weights of its items add up to 100. */
	public record SheetDraft(String name, String description, List<SheetItemDraft> items) {
	}

	/** A score for one item: required for a manual item, and for an automatic one without figures. */
	public record ItemScore(Long itemId, BigDecimal score) {
	}

	public record AppraisalDraft(Long sheetId, Long staffId, LocalDate from, LocalDate to, List<ItemScore> scores,
			String comment) {
	}
}
