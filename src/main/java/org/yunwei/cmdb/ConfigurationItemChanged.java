package org.yunwei.cmdb;

/**
 * A configuration item was recorded or changed: its fields, attributes, lifecycle or relations.
 *
 * @param itemId the item
 * @param classCode the code of its class, e.g. {@code PHYSICAL_SERVER}
 * @param kind what happened: {@code CREATED}, {@code UPDATED}, {@code LIFECYCLE}, {@code RELATION_ADDED} or
 *        {@code RELATION_REMOVED}
 * @param version the item's version after the change; a listener that has seen this version may ignore a repeat
 */
public record ConfigurationItemChanged(long itemId, String classCode, String kind, int version) {
}
