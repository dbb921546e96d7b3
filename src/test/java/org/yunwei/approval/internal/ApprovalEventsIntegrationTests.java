package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.approval.internal.ApprovalWorld.any;
import static org.yunwei.approval.internal.ApprovalWorld.person;
import static org.yunwei.approval.internal.ApprovalWorld.subject;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalRequested;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;
import org.yunwei.approval.Approvals;
import org.yunwei.notification.Notice;
import org.yunwei.support.IntegrationTestSupport;

/** What a module listening to approvals hears: each event with the subject and version it concerns. */
@EnableScenarios
class ApprovalEventsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	ApprovalWorld world;
	long policy;

	@BeforeEach
	void world() {
		world = new ApprovalWorld(context, jdbc);
		policy = world.policy(false, any(person(world.first)));
	}

	@Test
	void aRequestIsAnnouncedAndItsApproverNotified(Scenario scenario) {
		long subject = subject();
		scenario.stimulate(() -> world.request(policy, subject, "v1", Map.of()))
			.andWaitForEventOfType(ApprovalRequested.class)
			.matching(e -> e.subjectId() == subject)
			.toArriveAndVerify(e -> {
				assertThat(e.subjectType()).isEqualTo("test-record");
				assertThat(e.versionHash()).isEqualTo(ApprovalWorld.hash("v1"));
				assertThat(e.requesterId()).isEqualTo(world.requester);
			});
		long request = world.request(policy, subject, "v1", Map.of()).requestId();
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and link = ?")
			.params(world.first, "/approvals/" + request).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anApprovalIsAnnouncedWithTheVersionItHoldsFor(Scenario scenario) {
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		scenario.stimulate(() -> world.approve(world.first, request))
			.andWaitForEventOfType(ApprovalGranted.class)
			.matching(e -> e.requestId() == request)
			.toArriveAndVerify(e -> assertThat(e.versionHash()).isEqualTo(ApprovalWorld.hash("v1")));
	}

	@Test
	void aRejectionAndAReturnCarryTheirReason(Scenario scenario) {
		long rejected = world.request(policy, subject(), "v1", Map.of()).requestId();
		scenario.stimulate(() -> world.decide(world.first, rejected, DecisionKind.REJECT, "不符合变更窗口"))
			.andWaitForEventOfType(ApprovalRejected.class)
			.matching(e -> e.requestId() == rejected)
			.toArriveAndVerify(e -> assertThat(e.reason()).isEqualTo("不符合变更窗口"));
		long returned = world.request(policy, subject(), "v1", Map.of()).requestId();
		scenario.stimulate(() -> world.decide(world.first, returned, DecisionKind.RETURN, "补充测试记录"))
			.andWaitForEventOfType(ApprovalReturned.class)
			.matching(e -> e.requestId() == returned)
			.toArriveAndVerify(e -> assertThat(e.reason()).isEqualTo("补充测试记录"));
	}

	@Test
	void aWithdrawalIsAnnounced(Scenario scenario) {
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		scenario.stimulate(() -> world.as(world.requester, () -> context.getBean(Approvals.class).withdraw(request)))
			.andWaitForEventOfType(ApprovalWithdrawn.class)
			.matching(e -> e.requestId() == request)
			.toArriveAndVerify(e -> assertThat(e.subjectType()).isEqualTo("test-record"));
	}

	@Test
	void theRequesterHearsTheOutcome(Scenario scenario) {
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		scenario.stimulate(() -> world.approve(world.first, request))
			.andWaitForEventOfType(Notice.class)
			.matching(n -> n.topic().equals("approval.ended") && n.link().equals("/approvals/" + request))
			.toArriveAndVerify(n -> assertThat(n.recipientUserIds()).containsExactly(world.requester));
	}
}
