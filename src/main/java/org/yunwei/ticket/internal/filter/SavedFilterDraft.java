package org.yunwei.ticket.internal.filter;

/**
 * What a person submits for a saved filter.
 *
 * @param query the list's query string (a leading {@code /tickets?} is ignored); only the list's filter parameters
 * @param shared {@code null} for private
 */
public record SavedFilterDraft(String name, String query, Boolean shared) {
}
