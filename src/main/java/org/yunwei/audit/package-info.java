/**
 * The audit trail (审计记录): every write, sign-in, sign-out, failed sign-in and access denial, with actor, time,
 * client address, object, action and the values before and after. Append-only and hash-chained so that tampering is
 * detectable; read only by the audit administrator and supervision.
 * <p>
 * {@link org.yunwei.audit.AuditTrail} records, in the caller's transaction and without a shared lock; a sealer chains
 * committed records within about a second; {@link org.yunwei.audit.AuditChain} verifies the chain. Records younger
 * than 180 days cannot be purged (网络安全法 §21), by the application and by a database trigger.
 * <p>
 * Depends on {@code crypto} for the chain's digest and on {@code web} for refusals; it learns who acts from the security context, so that it needs nothing from
 * {@code identity} (which records into it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
		allowedDependencies = { "crypto", "web" })
package org.yunwei.audit;
