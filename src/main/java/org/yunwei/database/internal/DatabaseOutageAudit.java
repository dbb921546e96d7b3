package org.yunwei.database.internal;

import java.util.LinkedHashMap;
import java.util.Map;

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

	DatabaseOutageAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@ApplicationModuleListener
	void on(DatabaseRecovered recovered) {
		String outageId = recovered.outageId().toString();
		if (trail.contains(ACTION, "database", outageId)) {
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
