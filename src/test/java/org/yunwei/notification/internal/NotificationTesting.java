package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.notification.Notice;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * What the notification tests share: a provider party with people who have e-mail addresses, a way to publish a
 * notice as another module would (in a transaction, which writes it), and waiting for what happens asynchronously
 * (the outbox's sending). Every name is unique, so that tests sharing one database never collide.
 */
final class NotificationTesting {

	final TestDirectory directory;
	private final JdbcClient jdbc;
	private final ApiClient api;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	final long providerParty;
	final long providerUnit;
	final long managementUnit;

	NotificationTesting(JdbcClient jdbc, ApiClient api, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.api = api;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.directory = new TestDirectory(jdbc);
		providerParty = directory.party("PROVIDER", "运维服务公司");
		providerUnit = directory.orgUnit(providerParty, null, "驻场服务组");
		managementUnit = directory.orgUnit(directory.party("MANAGEMENT", "政务服务数据管理局"), null, "运维管理科");
	}

	/** A user of the provider's unit with an e-mail address of their own; returns the username. */
	String person(String... roles) {
		String username = directory.user(providerUnit, roles);
		jdbc.sql("update app_user set email = ? where username = ?").params(address(username), username).update();
		return username;
	}

	static String address(String username) {
		return username.toLowerCase() + "@example.gov.cn";
	}

	long id(String username) {
		return directory.userId(username);
	}

	String tokenOf(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	/** A token of a new user of the unit holding a fresh role with these permissions. */
	String tokenWith(long orgUnitId, String... permissions) {
		return tokenOf(directory.user(orgUnitId, directory.role(permissions)));
	}

	/** Publishes the notice in a transaction that commits, as the ticket module does. */
	void publish(Notice notice) {
		transactions.executeWithoutResult(status -> events.publishEvent(notice));
	}

	static Notice notice(String topic, String subject, Set<Long> users, Set<String> extra, Long partyId) {
		return new Notice(topic, subject, "工单内容：打印机无法打印\n请尽快处理。", "/tickets/42", users, extra, partyId);
	}

	static String unique(String prefix) {
		return TestDirectory.unique(prefix);
	}

	long notifications(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ?").param(userId).query(Long.class)
			.single();
	}

	long notificationsWithSubject(String subject) {
		return jdbc.sql("select count(*) from notification where subject = ?").param(subject).query(Long.class)
			.single();
	}

	long outbox(String channel, String subject) {
		return jdbc.sql("select count(*) from notification_outbox where channel = ? and subject = ?")
			.params(channel, subject)
			.query(Long.class)
			.single();
	}

	long auditCount(String action, Object objectId) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(objectId))
			.query(Long.class)
			.single();
	}

	/** Waits up to ten seconds for the condition, failing with the description when it never holds. */
	static void await(String description, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				assertThat(condition.getAsBoolean()).as(description).isTrue();
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(interrupted);
			}
		}
	}
}
