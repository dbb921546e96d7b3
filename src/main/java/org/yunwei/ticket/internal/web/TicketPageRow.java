package org.yunwei.ticket.internal.web;

/**
 * The countdowns of one row of a ticket list: the resolution clock, and the response clock while it still runs.
 *
 * @param response {@code null} once the ticket was responded to
 */
public record TicketPageRow(TicketPageCountdown resolution, TicketPageCountdown response) {
}
