/**
 * The audit trail (审计记录): every write, sign-in, sign-out, failed sign-in and access denial, with actor, time,
 * client address, object, action and the values before and after. Append-only and hash-chained so that tampering is
 * detectable; read only by the audit administrator and supervision.
 * <p>
 * Depends on {@code crypto} for the chain's digest and on {@code web} for refusals; it learns who acts from the
 * security context, so that it needs nothing from {@code identity} (which records into it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "crypto", "web" })
package org.yunwei.audit;
