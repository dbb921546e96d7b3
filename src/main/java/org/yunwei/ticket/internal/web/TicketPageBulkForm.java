package org.yunwei.ticket.internal.web;

/**
 * The bulk-action bar of the workspace list, as typed; the ticked tickets come beside it as {@code ids}.
 *
 * @param back the list's query string, to return to the same list
 */
public record TicketPageBulkForm(String action, String groupId, String assigneeUserId, String resolutionCode,
		String resolutionText, String back) {

	static final TicketPageBulkForm EMPTY = new TicketPageBulkForm(null, null, null, null, null, null);

	public boolean is(String typed, Object value) {
		return typed != null && value != null && typed.equals(String.valueOf(value));
	}
}
