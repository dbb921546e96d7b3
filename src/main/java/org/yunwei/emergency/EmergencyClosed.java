package org.yunwei.emergency;

import java.time.Instant;

/**
 * An emergency event was closed with its summary.
 *
 * @param eventId the event
 * @param number its business number
 * @param ticketId the incident it was declared from; {@code null} when declared directly
 * @param declaredAt when it was declared
 * @param at when it was closed
 */
public record EmergencyClosed(long eventId, String number, Long ticketId, Instant declaredAt, Instant at) {
}
