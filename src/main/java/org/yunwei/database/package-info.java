/**
 * Where Yunwei keeps its data: an external PostgreSQL given by {@code YUNWEI_DB_URL}, or, when none is given, an
 * embedded PostgreSQL server whose data lives under {@code ./data/}. No other module knows which one it is.
 * <p>
 * It also keeps Spring Modulith's event publication registry efficient: the publications of one transaction are
 * written with one statement, and the completions of the synchronous listeners that run after its commit are
 * deleted with one, so that a module publishing many events at once (the SLA scheduler) pays per transaction, not
 * per event.
 * <p>
 * Depends on no other module: every other module needs the database before anything else starts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.yunwei.database;
