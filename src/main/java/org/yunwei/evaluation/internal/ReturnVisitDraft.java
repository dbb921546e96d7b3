package org.yunwei.evaluation.internal;

/**
 * A return visit as the agent records it. Everything may be missing or wrong; {@link ReturnVisits} says what.
 *
 * @param result SATISFIED, BASICALLY_SATISFIED, DISSATISFIED or UNREACHABLE
 * @param contact who was called and how, up to 200 characters
 * @param comment what the customer said, up to 2000
 * @param followUp what the service desk will do, up to 2000
 */
public record ReturnVisitDraft(Long ticketId, String contact, String result, String comment, String followUp) {
}
