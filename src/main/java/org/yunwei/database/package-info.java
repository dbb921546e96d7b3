/**
 * Where Yunwei keeps its data: an external PostgreSQL given by {@code YUNWEI_DB_URL}, or, when none is given, an
 * embedded PostgreSQL server whose data lives under {@code ./data/}. No other module knows which one it is.
 * <p>
 * Depends on no other module: every other module needs the database before anything else starts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.yunwei.database;
