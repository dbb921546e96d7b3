package org.yunwei.cmdb.internal;

/**
 * One field of an item that a change altered: {@code name}, {@code ipAddress}, {@code lifecycle}, an attribute as
 * {@code attributes.<code>}, or a relation as {@code relation}.
 *
 * @param before the value before; {@code null} when there was none
 * @param after the value after; {@code null} when it was cleared
 */
public record FieldChange(String field, Object before, Object after) {
}
