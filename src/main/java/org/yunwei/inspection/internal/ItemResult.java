package org.yunwei.inspection.internal;

/**
 * The answer to one checklist item.
 *
 * @param value {@code PASS}/{@code FAIL} for a pass/fail item, the reading for a number, the text for a text item,
 *        the photo's id for a photo item
 * @param note what the inspector adds, e.g. what was wrong
 */
public record ItemResult(String value, String note) {
}
