package org.yunwei.knowledge.internal.search;

import java.util.List;

/**
 * A page of the 日常问题查询库 search, best first.
 *
 * @param hits the page's tickets
 * @param next the cursor of the next page (pass it as {@code cursor} with the same text); {@code null} on the last
 */
public record ResolvedTicketResults(List<ResolvedTicketHit> hits, String next) {
}
