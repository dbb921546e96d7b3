/**
 * Organisations, people and access (Hunan 4.3, 5.3; GZ 6): the four parties and their organisation trees, users,
 * roles with permissions, posts (岗位) with a backup person, sign-in to 等保 level 3, TOTP second factor, API tokens,
 * and the data scope that every other module applies to what a person may see. {@link org.yunwei.identity.Positions}
 * tells other modules who fills a position — a unit's lead (负责人), a role's holders in a party or unit, a post's
 * holder or, while the holder is recorded absent, its backup — and keeps those absence records (岗位备份).
 * <p>
 * Depends on {@code audit} to record every write and sign-in, on {@code crypto} for token digests and on {@code web}
 * for refusals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "audit", "crypto", "web", "dataset" })
package org.yunwei.identity;
