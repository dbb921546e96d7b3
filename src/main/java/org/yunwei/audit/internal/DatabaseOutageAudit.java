package org.yunwei.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;
import org.yunwei.database.DatabaseRecovered;

/**
 * Puts each database outage on the audit trail once it is over (it could not be written while the database was
 * down): when it began and ended, how long it lasted, whether the embedded server was restarted and how often, and
 * what was noticed. Safe to deliver twice: an outage already on the trail, by its id, is not written again.
 */
@Component
class DatabaseOutageAudit {

	static final String ACTION = "DATABASE_RECOVERED";

	private final AuditTrail trail;
	private final JdbcClient jdbc;

	DatabaseOutageAudit(AuditTrail trail, JdbcClient jdbc) {
		this.trail = trail;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(DatabaseRecovered recovered) {
		String outageId = recovered.outageId().toString();
		boolean recorded = jdbc.sql("""
				select exists (select 1 from audit_record
				               where action = ? and object_type = 'database' and object_id = ?)""")
			.params(ACTION, outageId)
			.query(Boolean.class)
			.single();
		if (recorded) {
			return;
		}
		Map<String, Object> outage = new LinkedHashMap<>();
		outage.put("lostAt", recovered.lostAt().toString());
		outage.put("recoveredAt", recovered.recoveredAt().toString());
		outage.put("outageMillis", recovered.outage().toMillis());
		outage.put("embedded", recovered.embedded());
		outage.put("restarts", recovered.restarts());
		trail.record(new AuditEntry(ACTION, "database", outageId, Outcome.SUCCESS, null, outage, recovered.cause(),
				"system"));
	}
}
