package org.yunwei.notification.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;
import org.yunwei.database.DatabaseRecovered;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.notification.Notice;

/**
 * Tells management that the database was unreachable and is back, and puts the outage on the audit trail: when it
 * began, how long it lasted, whether the embedded server was restarted and how often. "Management" is as for the
 * other system notices: the enabled people of the management party (管理方) who keep the system (the system
 * administrator, holder of {@code NOTIFICATION_MANAGE}) or its service levels (the service level manager, holder of
 * {@code SLA_MANAGE}), and the management party's group robots that hear of {@code system.*}.
 * <p>
 * Safe to deliver twice: the notice is written under a key derived from the outage, so a second delivery writes no
 * notification, and the audit entry is written only with the first.
 */
@Component
class DatabaseRecoveryNotices {

	static final String TOPIC = "system.database-recovered";
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Organisations organisations;
	private final People people;
	private final NoticeFanOut fanOut;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final JdbcClient jdbc;

	DatabaseRecoveryNotices(Organisations organisations, People people, NoticeFanOut fanOut, AuditTrail audit,
			MessageSource messages, JdbcClient jdbc) {
		this.organisations = organisations;
		this.people = people;
		this.fanOut = fanOut;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(DatabaseRecovered recovered) {
		if (alreadyTold(recovered)) {
			return;
		}
		String seconds = String.format(Locale.ROOT, "%.1f", recovered.outage().toMillis() / 1000.0);
		String kind = text(recovered.embedded() ? "database.recovered.embedded" : "database.recovered.external");
		String subject = text("database.recovered.subject", kind, seconds);
		String body = text("database.recovered.body", kind, TIME.format(recovered.lostAt()),
				TIME.format(recovered.recoveredAt()), seconds, recovered.restarts());
		for (Party management : organisations.parties(PartyKind.MANAGEMENT)) {
			if (!management.enabled()) {
				continue;
			}
			Set<Long> told = people.holding(Permission.NOTIFICATION_MANAGE, management.id())
				.stream()
				.map(Person::id)
				.collect(Collectors.toSet());
			people.holding(Permission.SLA_MANAGE, management.id()).forEach(p -> told.add(p.id()));
			fanOut.write(recovered.outageId(), new Notice(TOPIC, subject, body, null, told, Set.of(), management.id()));
		}
		Map<String, Object> outage = new LinkedHashMap<>();
		outage.put("lostAt", recovered.lostAt().toString());
		outage.put("recoveredAt", recovered.recoveredAt().toString());
		outage.put("outageMillis", recovered.outage().toMillis());
		outage.put("embedded", recovered.embedded());
		outage.put("restarts", recovered.restarts());
		audit.record(new AuditEntry("DATABASE_RECOVERED", "database", recovered.outageId().toString(),
				Outcome.SUCCESS, null, outage, recovered.cause(), "system"));
	}

	private boolean alreadyTold(DatabaseRecovered recovered) {
		return jdbc.sql("""
				select exists (select 1 from notification where notice_key = :key)
				    or exists (select 1 from notification_outbox where notice_key = :key)""")
			.param("key", recovered.outageId())
			.query(Boolean.class)
			.single();
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
