package org.yunwei.audit.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunwei.audit.AuditEntry;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code audit_record} table. Appending is a plain insert: the chain fields stay empty until the sealer sets them.
 */
@Repository
public class AuditRecords {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	AuditRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	public void append(AuditEntry entry) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("""
				insert into audit_record (occurred_at, actor, client_address, action, object_type, object_id, outcome,
				                          detail, before_value, after_value)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
				""")
			.params(Timestamp.from(now), actorOf(entry), clientAddress(), entry.action(), entry.objectType(),
					entry.objectId(), entry.outcome().name(), entry.detail(), toJson(entry.before()),
					toJson(entry.after()))
			.update();
	}

	private String toJson(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	private static String actorOf(AuditEntry entry) {
		if (entry.actor() != null) {
			return entry.actor();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return authentication.getName();
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
