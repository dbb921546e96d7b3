package org.yunwei.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL advisory lock, held until the transaction ends, that lets one transaction at a time extend or cut the
 * chain (the sealer on every node, a purge). Ordinary writes never take it.
 */
final class ChainLock {

	private static final long KEY = 0x7977_6175_6469_74L; // "ywaudit"

	private ChainLock() {
	}

	static void await(JdbcClient jdbc) {
		jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(KEY).query(Integer.class).single();
	}

	static boolean tryTake(JdbcClient jdbc) {
		return jdbc.sql("select pg_try_advisory_xact_lock(?)").param(KEY).query(Boolean.class).single();
	}
}
