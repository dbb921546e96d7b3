package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.database.DatabaseRecovered;
import org.yunwei.support.IntegrationTestSupport;

/**
 * A recovered database outage as its two listeners see it: the notification module tells the management party's
 * system administrator, the audit module puts the outage on the trail; each once, however often the event is
 * delivered. The event is published here as the database module publishes it, in a transaction.
 */
@EnableScenarios
class DatabaseRecoveryNoticesIntegrationTests extends IntegrationTestSupport {

	@Test
	void managementIsToldOnceAndTheOutageAuditedOnceHoweverOftenItIsDelivered(Scenario scenario) {
		UUID outage = UUID.randomUUID();
		Instant lostAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(7);
		var recovered = new DatabaseRecovered(outage, lostAt, lostAt.plusMillis(6500), true, 2,
				"the embedded PostgreSQL (pid 4242) ended");

		scenario.publish(recovered)
			.andWaitForStateChange(() -> audited(outage) + told(outage), count -> count >= 2)
			.andVerify(count -> {
				assertThat(audited(outage)).isEqualTo(1);
				assertThat(told(outage)).isEqualTo(1);
			});
		// every management user who keeps notifications or SLAs is told; other tests leave many: read the admin's
		assertThat(jdbc.sql("""
				select n.subject from notification n join app_user u on u.id = n.user_id
				where n.notice_key = ? and u.username = 'admin'""").param(outage)
			.query(String.class).single()).isEqualTo("[系统] 内置数据库中断 6.5 秒后已恢复服务");
		assertThat(jdbc.sql("select after_value::text from audit_record where object_id = ?").param(outage.toString())
			.query(String.class).single()).contains("\"outageMillis\": 6500", "\"restarts\": 2", "\"embedded\": true");
		assertThat(jdbc.sql("select actor || ' ' || detail from audit_record where object_id = ?")
			.param(outage.toString()).query(String.class).single())
			.isEqualTo("system the embedded PostgreSQL (pid 4242) ended");

		// delivered again (a crash between a listener's commit and its completion): nothing more is written
		scenario.publish(recovered)
			.andWaitForStateChange(() -> delivered(outage), Boolean::booleanValue)
			.andVerify(done -> assertThat(done).isTrue());
		assertThat(audited(outage)).isEqualTo(1);
		assertThat(told(outage)).isEqualTo(1);
	}

	private int audited(UUID outage) {
		return jdbc.sql("select count(*) from audit_record where action = 'DATABASE_RECOVERED' and object_id = ?")
			.param(outage.toString())
			.query(Integer.class)
			.single();
	}

	/** The management party's system administrator ({@code admin}) is told. */
	private int told(UUID outage) {
		return jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				where n.notice_key = ? and u.username = 'admin' and n.topic = 'system.database-recovered'""")
			.param(outage)
			.query(Integer.class)
			.single();
	}

	/** No publication of the outage is left to deliver. */
	private boolean delivered(UUID outage) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + outage + "%")
			.query(Integer.class)
			.single() == 0;
	}
}
