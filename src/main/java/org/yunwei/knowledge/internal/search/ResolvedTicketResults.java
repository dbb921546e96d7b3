package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Optional;

/**
 * A page of the 日常问题查询库 search, best first.
 *
 * @param hits the page's tickets
 * @param next the cursor of the next page (pass it as {@code cursor} with the same text); {@code null} on the last
 * @param building whether the index is being built now (a first start, a lost index, an upgrade, a rebuild): the hits
 *        come from what it holds so far and may be incomplete
 * @param buildProgress how far that build is; {@code null} when none runs
 */
public record ResolvedTicketResults(List<ResolvedTicketHit> hits, String next, boolean building,
		IndexBuilding buildProgress) {

	ResolvedTicketResults(List<ResolvedTicketHit> hits, String next, Optional<IndexBuilding> building) {
		this(hits, next, building.isPresent(), building.orElse(null));
	}
}
