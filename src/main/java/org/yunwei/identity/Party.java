package org.yunwei.identity;

/**
 * A party (服务方, 使用方, 管理方 or 监理方) as other modules see it: referenced by id, e.g. the provider an SLA binds.
 */
public record Party(long id, String code, String name, PartyKind kind, boolean enabled) {
}
