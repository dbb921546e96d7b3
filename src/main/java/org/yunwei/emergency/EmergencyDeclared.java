package org.yunwei.emergency;

import java.time.Instant;

/**
 * An emergency event was declared.
 *
 * @param eventId the event
 * @param number its business number, e.g. {@code EMG-20261207-0001}
 * @param level {@code EXTRAORDINARY} (特别重大), {@code MAJOR} (重大), {@code SERIOUS} (较大) or {@code GENERAL} (一般)
 * @param planId the plan it follows; {@code null} when declared without one
 * @param ticketId the incident it was declared from; {@code null} when declared directly
 * @param at when it was declared
 */
public record EmergencyDeclared(long eventId, String number, String level, Long planId, Long ticketId, Instant at) {
}
