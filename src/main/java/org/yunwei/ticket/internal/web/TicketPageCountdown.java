package org.yunwei.ticket.internal.web;

/**
 * An SLA countdown as a page shows it: the words and the colour.
 *
 * @param tone a Bootstrap colour: success (plenty of time), warning (past half), orange (past three quarters),
 *        danger (breached), secondary (paused, stopped or no SLA)
 */
public record TicketPageCountdown(String text, String tone, int percent) {

	public String badge() {
		return "text-bg-" + tone + " yw-countdown";
	}
}
