package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.notification.internal.NotificationTesting.await;
import static org.yunwei.notification.internal.NotificationTesting.notice;
import static org.yunwei.notification.internal.NotificationTesting.unique;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.notification.Notice;
import org.yunwei.support.IntegrationTestSupport;

/** A published notice becomes in-app notifications, e-mail and robot messages in the publishing transaction, once. */
class NoticeDeliveryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationEventPublisher events;
	@Autowired
	private PlatformTransactionManager transactionManager;
	@Autowired
	private EventPublicationRepository publications;
	@Autowired
	private OwedNotices owedNotices;
	@Autowired
	private NoticeFanOut fanOut;
	@Autowired
	private Robots robots;

	private NotificationTesting testing;

	@BeforeEach
	void setUp() {
		testing = new NotificationTesting(jdbc, api(), events, transactionManager);
	}

	@Test
	void tellsEachEnabledRecipientInTheApplicationAndByEmailAndTheExtraAddresses() {
		String agent = testing.person();
		String colleague = testing.person();
		String disabled = testing.person();
		jdbc.sql("update app_user set enabled = false where username = ?").param(disabled).update();
		String withoutAddress = testing.directory.user(testing.providerUnit);
		String subject = "[INC-20261122-0001] 已分派给您 " + unique("s");

		testing.publish(notice("ticket.assigned", subject,
				Set.of(testing.id(agent), testing.id(colleague), testing.id(disabled), testing.id(withoutAddress),
						999_999_999L),
				Set.of("Reporter@Example.org", NotificationTesting.address(agent).toUpperCase(), "not an address"),
				testing.providerParty));

		await("the notice is delivered", () -> testing.notificationsWithSubject(subject) == 3);
		assertThat(testing.notifications(testing.id(agent))).isEqualTo(1);
		assertThat(testing.notifications(testing.id(colleague))).isEqualTo(1);
		assertThat(testing.notifications(testing.id(withoutAddress))).isEqualTo(1);
		assertThat(testing.notifications(testing.id(disabled))).isZero();
		List<String> addressed = jdbc.sql("""
				select recipient from notification_outbox where channel = 'EMAIL' and subject = ? order by recipient""")
			.param(subject)
			.query(String.class)
			.list();
		assertThat(addressed).containsExactlyInAnyOrder(NotificationTesting.address(agent),
				NotificationTesting.address(colleague), "reporter@example.org");
		var row = jdbc.sql("select topic, body, link from notification where subject = ? limit 1").param(subject)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(row).containsExactly("ticket.assigned", "工单内容：打印机无法打印\n请尽快处理。", "/tickets/42");
	}

	@Test
	void queuesAMessageForEachEnabledRobotWhoseTopicsAndPartyMatch() {
		long party = testing.providerParty;
		long otherParty = testing.directory.party("PROVIDER", "另一服务公司");
		long byPrefix = robots.insert(unique("前缀"), RobotKind.DINGTALK, "http://127.0.0.1:9/a",
				null, List.of("ticket."), party, true);
		long exact = robots.insert(unique("精确"), RobotKind.WECOM, "http://127.0.0.1:9/b", null,
				List.of("ticket.sla-breached"), party, true);
		long otherTopic = robots.insert(unique("其他主题"), RobotKind.FEISHU, "http://127.0.0.1:9/c", null,
				List.of("ticket.resolved", "change."), party, true);
		long elsewhere = robots.insert(unique("其他参与方"), RobotKind.DINGTALK, "http://127.0.0.1:9/d",
				null, List.of("*"), otherParty, true);
		long disabled = robots.insert(unique("停用"), RobotKind.DINGTALK, "http://127.0.0.1:9/e",
				null, List.of("ticket."), party, false);
		try {
			String subject = "[INC-20261122-0002] SLA 超时 " + unique("s");
			testing.publish(notice("ticket.sla-breached", subject, Set.of(), Set.of(), party));

			await("robot messages are queued", () -> testing.outbox("ROBOT", subject) == 2);
			List<Long> queued = jdbc.sql("select robot_id from notification_outbox where subject = ? order by robot_id")
				.param(subject)
				.query(Long.class)
				.list();
			assertThat(queued).containsExactly(byPrefix, exact).doesNotContain(otherTopic, elsewhere, disabled);
		}
		finally {
			List.of(byPrefix, exact, otherTopic, elsewhere, disabled).forEach(robots::delete);
		}
	}

	@Test
	void isWrittenInThePublishingTransactionBeforeItCommits() {
		String agent = testing.person();
		String subject = "[INC-20261122-0007] 已分派给您 " + unique("s");
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			events.publishEvent(notice("ticket.assigned", subject, Set.of(testing.id(agent)), Set.of(), null));
			assertThat(testing.notificationsWithSubject(subject)).isEqualTo(1);
			assertThat(testing.outbox("EMAIL", subject)).isEqualTo(1);
		});
		assertThat(jdbc.sql("select count(*) from event_publication where event_type = ?")
			.param(Notice.class.getName())
			.query(Long.class)
			.single()).as("nothing is owed after the commit").isZero();
	}

	@Test
	void aNoticeOwedByTheFormerDeliveryAfterTheCommitIsWrittenAtStartOnce() {
		String agent = testing.person();
		Notice notice = notice("ticket.customer-replied", "[INC-20261122-0003] 客户回复 " + unique("s"),
				Set.of(testing.id(agent)), Set.of("reporter@example.org"), null);
		// written by an earlier version, whose listener had not delivered it when the application stopped
		TargetEventPublication owed = new TransactionTemplate(transactionManager).execute(status -> publications
			.create(TargetEventPublication.of(notice, PublicationTargetIdentifier.of(OwedNotices.FORMER_LISTENER))));
		// a node that started at the same time wrote it already
		assertThat(fanOut.write(owed.getIdentifier(), notice)).isEqualTo(new NoticeFanOut.Written(1, 2, 0));

		owedNotices.deliver();

		assertThat(testing.notificationsWithSubject(notice.subject())).isEqualTo(1);
		assertThat(testing.outbox("EMAIL", notice.subject())).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from event_publication where id = ?")
			.param(owed.getIdentifier())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEqualNoticePublishedAgainIsDeliveredAgain() {
		String agent = testing.person();
		Notice notice = notice("ticket.assigned", "[INC-20261122-0004] 已分派给您 " + unique("s"),
				Set.of(testing.id(agent)), Set.of(), null);
		testing.publish(notice);
		await("the first is delivered", () -> testing.notifications(testing.id(agent)) == 1);
		testing.publish(notice);
		await("the second is delivered", () -> testing.notifications(testing.id(agent)) == 2);
		assertThat(testing.outbox("EMAIL", notice.subject())).isEqualTo(2);
	}

	@Test
	void aNoticeOfARolledBackTransactionIsNeverDelivered() {
		String agent = testing.person();
		String rolledBack = "[INC-20261122-0005] 回滚 " + unique("s");
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			events.publishEvent(notice("ticket.resolved", rolledBack, Set.of(testing.id(agent)), Set.of(), null));
			status.setRollbackOnly();
		});
		String committed = "[INC-20261122-0006] 提交 " + unique("s");
		testing.publish(notice("ticket.resolved", committed, Set.of(testing.id(agent)), Set.of(), null));

		await("the committed one is delivered", () -> testing.notificationsWithSubject(committed) == 1);
		assertThat(testing.notificationsWithSubject(rolledBack)).isZero();
		assertThat(testing.outbox("EMAIL", rolledBack)).isZero();
	}
}
