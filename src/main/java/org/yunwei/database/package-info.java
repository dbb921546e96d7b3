/**
 * Where Yunwei keeps its data: an external PostgreSQL given by {@code YUNWEI_DB_URL}, or, when none is given, an
 * embedded PostgreSQL server whose data lives under {@code ./data/}. No other module knows which one it is.
 * <p>
 * It also keeps Spring Modulith's event publication registry efficient: the publications of one transaction are
 * written with one statement, and the completions of the synchronous listeners that run after its commit are
 * deleted with one, so that a module publishing many events at once (the SLA scheduler) pays per transaction, not
 * per event.
 * <p>
 * A stop (SIGTERM, or the context closing) ends the application's work before the database, in this order:
 * <ol>
 * <li>the web server stops taking requests and lets those under way finish (Spring Boot's graceful shutdown);</li>
 * <li>the scheduler starts no new tick and waits for a running one, which releases its ShedLock lock;</li>
 * <li>the asynchronous listeners finish the calls they are running and start none of those still queued
 * ({@code ListenerStop}): the publications of the queued ones stay incomplete and are delivered at the next start,
 * as is any publication a stop interrupted, so a stop in the middle of work loses nothing;</li>
 * <li>the database watch stops, so that the server's own stop below is not taken for a crash;</li>
 * <li>the beans are destroyed, Spring Modulith's registry listing the publications left for the next start, and the
 * connection pool closes;</li>
 * <li>the embedded PostgreSQL, when it is the database, stops last (fast shutdown).</li>
 * </ol>
 * The embedded server stops only when the context closes it: zonky's own JVM shutdown hook, which would stop it as
 * soon as the JVM begins to exit, while the steps above still need it, is kept from acting. A JVM killed outright (kill
 * -9) leaves its postmaster behind; the next start stops it before starting anew.
 * <p>
 * It heals and fails fast (docs/reliability.md, "Healing and failing fast"): {@code DatabaseWatch} notices within a
 * second that the embedded postmaster died, or that the database (embedded or external) no longer answers, and
 * restarts the embedded server with the same stale-postmaster recovery as at start, backing off when crashes repeat
 * and ending in a DOWN state (liveness DOWN) instead of a restart loop. While the database is unavailable,
 * {@code OutageFilter} answers every request 503 with {@code Retry-After} at once, readiness is DOWN, and the
 * {@code db} health component says so without waiting for the pool. When it is back,
 * {@link org.yunwei.database.DatabaseRecovered} is published: this module puts the outage on the audit trail
 * ({@code DatabaseOutageAudit}), the notification module tells management.
 * <p>
 * Backup and restore ({@link org.yunwei.database.BackupCommand}, {@code internal.backup}): a consistent logical backup
 * through JDBC (one snapshot, every table copied out), taken from the command line or on a schedule with retention,
 * and a restore into an empty embedded data directory that rebuilds the schema with the backup's own migrations. Why
 * logical and not physical: docs/decisions/0004-logical-backup-through-jdbc.md; how to use it: docs/reliability.md.
 * <p>
 * Depends on {@code web}, for the 503 answer ({@code ServiceUnavailable}) that its controllers' advice gives too, and
 * on {@code audit}, to record outages and scheduled backups and to verify the chain of a restored database (the
 * audit module depends on none but {@code crypto} and {@code web}, so that the modules' migrations run in an order);
 * on no other module:
 * every other module needs the database before anything else starts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = { "web", "audit" })
package org.yunwei.database;
