package org.yunwei.knowledge.internal.usage;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code knowledge_resolved_incident}: the resolved incidents coverage is measured against. */
@Repository
class ResolvedIncidents {

	private final JdbcClient jdbc;

	ResolvedIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records (or records again, after a reopening) a resolved incident; harmless to repeat. */
	void resolved(long ticketId, Long providerPartyId, long customerOrgUnitId, Long serviceId, Instant at) {
		jdbc.sql("""
				insert into knowledge_resolved_incident (ticket_id, provider_party_id, customer_org_unit_id, service_id,
				    resolved_at)
				values (?, ?, ?, ?, ?)
				on conflict (ticket_id) do update set provider_party_id = excluded.provider_party_id,
				    customer_org_unit_id = excluded.customer_org_unit_id, service_id = excluded.service_id,
				    resolved_at = excluded.resolved_at""")
			.params(ticketId, providerPartyId, customerOrgUnitId, serviceId, Timestamp.from(at)).update();
	}

	/** A reopened incident is not resolved any more until it is resolved again. */
	void reopened(long ticketId) {
		jdbc.sql("delete from knowledge_resolved_incident where ticket_id = ?").param(ticketId).update();
	}
}
