package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.approval.internal.ApprovalWorld.any;
import static org.yunwei.approval.internal.ApprovalWorld.person;
import static org.yunwei.approval.internal.ApprovalWorld.stage;
import static org.yunwei.approval.internal.ApprovalWorld.subject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.Approvals;
import org.yunwei.identity.Positions;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.web.RejectedRequest;

/** The rules of issue 15's "How it is checked" for approvals, each through the services a module and a user call. */
class ApprovalProcessIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	Approvals approvals;

	@Autowired
	ApprovalDecisions decisions;

	ApprovalWorld world;

	@BeforeEach
	void world() {
		world = new ApprovalWorld(context, jdbc);
	}

	@Test
	void aStageOfAnyIsApprovedByOneOfItsApprovers() {
		long policy = world.policy(false, any(person(world.first), person(world.second)));
		ApprovalState state = world.request(policy, subject(), "v1", Map.of());
		assertThat(state.outcome()).isEqualTo(ApprovalOutcome.PENDING);

		assertThat(world.approve(world.second, state.requestId()).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		assertThat(refusal(() -> world.approve(world.first, state.requestId()))).isEqualTo(409);
	}

	@Test
	void aStageOfAllNeedsEveryApproverAndNobodyDecidesTwice() {
		long policy = world.policy(false, stage("会签", StageRule.ALL, 1, null, person(world.first),
				person(world.second)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		assertThat(world.approve(world.first, request).outcome()).isEqualTo(ApprovalOutcome.PENDING);
		RejectedRequest twice = thrown(() -> world.approve(world.first, request));
		assertThat(twice.status().value()).isEqualTo(409);
		assertThat(twice.messageKey()).isEqualTo("approval.already-decided");
		assertThat(world.approve(world.second, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		assertThat(decisions.of(request)).extracting(Decision::deciderId).containsExactly(world.first, world.second);
	}

	@Test
	void aStageOfTwoOfThreeIsApprovedByTheSecondApproval() {
		long policy = world.policy(false, stage("评审", StageRule.N_OF, 2, null, person(world.first),
				person(world.second), person(world.third)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		assertThat(world.approve(world.third, request).outcome()).isEqualTo(ApprovalOutcome.PENDING);
		assertThat(world.approve(world.first, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void aRejectedStageEndsTheRequestAndARejectionNeedsAReason() {
		long policy = world.policy(false, any(person(world.first)), any(person(world.second)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		RejectedRequest noReason = thrown(() -> world.decide(world.first, request, DecisionKind.REJECT, " "));
		assertThat(noReason.status().value()).isEqualTo(400);
		assertThat(noReason.fieldErrors()).containsKey("reason");
		assertThat(decisions.of(request)).isEmpty();

		ApprovalState rejected = world.decide(world.first, request, DecisionKind.REJECT, "方案缺少回退步骤");
		assertThat(rejected.outcome()).isEqualTo(ApprovalOutcome.REJECTED);
		assertThat(rejected.reason()).isEqualTo("方案缺少回退步骤");
		assertThat(rejected.decidedAt()).isNotNull();
		// the second stage was never reached: its approver was never asked and does not see the request
		assertThat(refusal(() -> world.approve(world.second, request))).isEqualTo(404);
		assertThat(refusal(() -> world.approve(world.first, request))).isEqualTo(409);
		assertThat(stageStates(request)).containsExactly("REJECTED", "CLOSED");
	}

	@Test
	void aReturnNeedsAReasonAndEndsTheRequestAsReturned() {
		long policy = world.policy(false, any(person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		assertThat(refusal(() -> world.decide(world.first, request, DecisionKind.RETURN, null))).isEqualTo(400);
		assertThat(world.decide(world.first, request, DecisionKind.RETURN, "请补充影响范围").outcome())
			.isEqualTo(ApprovalOutcome.RETURNED);
	}

	@Test
	void aRequesterApprovesTheirOwnRequestOnlyWhenThePolicyAllowsIt() {
		long strict = world.policy(false, any(person(world.requester), person(world.first)));
		long request = world.request(strict, subject(), "v1", Map.of()).requestId();
		RejectedRequest own = thrown(() -> world.approve(world.requester, request));
		assertThat(own.status().value()).isEqualTo(422);
		assertThat(own.messageKey()).isEqualTo("approval.own-request");

		long lenient = world.policy(true, any(person(world.requester), person(world.first)));
		long allowed = world.request(lenient, subject(), "v1", Map.of()).requestId();
		assertThat(world.approve(world.requester, allowed).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void aNewVersionHashSupersedesTheOpenRequestAndItsApprovalsDoNotCarryOver() {
		long policy = world.policy(false, stage("会签", StageRule.ALL, 1, null, person(world.first),
				person(world.second)));
		long subject = subject();
		long old = world.request(policy, subject, "v1", Map.of()).requestId();
		world.approve(world.first, old);
		assertThat(world.request(policy, subject, "v1", Map.of()).requestId()).isEqualTo(old);

		ApprovalState renewed = world.request(policy, subject, "v2", Map.of());
		assertThat(renewed.requestId()).isNotEqualTo(old);
		assertThat(approvals.latest("test-record", subject)).contains(renewed);
		assertThat(outcome(old)).isEqualTo("SUPERSEDED");
		assertThat(refusal(() -> world.approve(world.second, old))).isEqualTo(409);

		assertThat(world.approve(world.second, renewed.requestId()).outcome()).isEqualTo(ApprovalOutcome.PENDING);
		ApprovalState granted = world.approve(world.first, renewed.requestId());
		assertThat(granted.outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		assertThat(granted.subject().versionHash()).isEqualTo(ApprovalWorld.hash("v2"));
		assertThat(decisions.of(renewed.requestId())).extracting(Decision::versionHash)
			.containsOnly(ApprovalWorld.hash("v2"));
	}

	@Test
	void aPostsBackupApprovesWhileTheHolderIsAbsentAndNotOtherwise() {
		long holder = world.first;
		long backup = world.second;
		long post = jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id, backup_id)
				values (?, ?, '审批变更', ?, ?) returning id""")
			.params(world.unit, org.yunwei.support.TestDirectory.unique("变更经理"), holder, backup)
			.query(Long.class)
			.single();
		long policy = world.policy(false, any(StageApprover.post(post)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		RejectedRequest notYet = thrown(() -> world.approve(backup, request));
		assertThat(notYet.status().value()).isEqualTo(403);

		long recorder = world.person(world.directory.role("POST_ABSENCE_RECORD"));
		world.as(recorder, () -> context.getBean(Positions.class)
			.recordAbsence(post, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(2)),
					"外出培训"));
		assertThat(world.as(backup, approvals::waitingForMe)).isEqualTo(1);

		assertThat(world.approve(backup, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		Decision decision = decisions.of(request).getFirst();
		assertThat(decision.deciderId()).isEqualTo(backup);
		assertThat(decision.onBehalfOf()).isEqualTo(holder);
	}

	@Test
	void theDefaultPolicyAsksTheRequestersUnitLead() {
		long lead = world.person();
		long policy = approvals.defaultPolicyId();
		RejectedRequest leaderless = thrown(() -> world.request(policy, subject(), "v1", Map.of()));
		assertThat(leaderless.status().value()).isEqualTo(422);
		assertThat(leaderless.messageKey()).isEqualTo("approval.stage.no-approvers");

		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(lead, world.unit).update();
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		assertThat(refusal(() -> world.approve(world.first, request))).isEqualTo(404);
		assertThat(world.approve(lead, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void aStageWhoseConditionIsFalseIsSkipped() {
		long policy = world.policy(false, any(person(world.first)),
				stage("分管领导审批", StageRule.ANY, 1, "amount >= 10000 or risk in ('HIGH', 'CRITICAL')",
						person(world.second)));
		long small = world.request(policy, subject(), "v1", Map.of("amount", 500, "risk", "LOW")).requestId();
		assertThat(world.approve(world.first, small).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		assertThat(stageStates(small)).containsExactly("APPROVED", "SKIPPED");

		long large = world.request(policy, subject(), "v1", Map.of("amount", 12000, "risk", "LOW")).requestId();
		assertThat(world.approve(world.first, large).outcome()).isEqualTo(ApprovalOutcome.PENDING);
		assertThat(world.approve(world.second, large).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void aDelegateDecidesOnlyDuringTheDelegationsPeriod() {
		long delegate = world.person();
		long policy = world.policy(false, any(person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		assertThat(refusal(() -> world.approve(delegate, request))).isEqualTo(404);

		world.as(world.first, () -> context.getBean(DelegationRegister.class)
			.give(delegate, Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3)), "出差"));
		assertThat(refusal(() -> world.approve(delegate, request))).isEqualTo(404);

		world.as(world.first, () -> context.getBean(DelegationRegister.class)
			.give(delegate, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)), "休假"));
		assertThat(world.as(delegate, approvals::waitingForMe)).isEqualTo(1);
		assertThat(world.approve(delegate, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		assertThat(decisions.of(request).getFirst().onBehalfOf()).isEqualTo(world.first);
	}

	@Test
	void aRequesterWithdrawsTheirOpenRequestAndNobodyElseMay() {
		long policy = world.policy(false, any(person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		assertThat(refusal(() -> world.as(world.first, () -> approvals.withdraw(request)))).isEqualTo(403);
		assertThat(world.as(world.requester, () -> approvals.withdraw(request)).outcome())
			.isEqualTo(ApprovalOutcome.WITHDRAWN);
		assertThat(world.as(world.first, approvals::waitingForMe)).isZero();
		assertThat(refusal(() -> world.approve(world.first, request))).isEqualTo(409);
	}

	@Test
	void aCoApproverJoinsAStageOfAllAndIsNeededToo() {
		long policy = world.policy(false, stage("会签", StageRule.ALL, 1, null, person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		world.as(world.first, () -> context.getBean(ApprovalProcess.class).addCoApprover(request, world.third));
		assertThat(world.approve(world.first, request).outcome()).isEqualTo(ApprovalOutcome.PENDING);
		assertThat(world.approve(world.third, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void aBadAskIsRefusedAndOpensNothing() {
		long policy = world.policy(false, any(person(world.first)));
		long before = count();
		assertThat(thrown(() -> world.request(Long.MAX_VALUE, subject(), "v1", Map.of())).messageKey())
			.isEqualTo("approval.policy.unknown");
		assertThat(thrown(() -> world.as(world.requester, () -> approvals.request(new org.yunwei.approval.ApprovalAsk(
				new org.yunwei.approval.ApprovalSubject("test-record", 1, ApprovalWorld.hash("x")), policy, " ",
				"/x", Map.of())))).status().value()).isEqualTo(422);
		assertThat(thrown(() -> world.as(world.requester, () -> approvals.request(new org.yunwei.approval.ApprovalAsk(
				new org.yunwei.approval.ApprovalSubject("test-record", 1, ApprovalWorld.hash("x")), policy, "摘要",
				"https://evil.example/", Map.of())))).messageKey()).isEqualTo("approval.ask.link");
		assertThat(thrown(() -> world.as(world.requester, () -> approvals.request(new org.yunwei.approval.ApprovalAsk(
				new org.yunwei.approval.ApprovalSubject("test-record", 1, "not-a-hash"), policy, "摘要", "/x",
				Map.of())))).messageKey()).isEqualTo("approval.ask.version-hash");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aPolicyWithAnEmptyStageOrAConditionThatDoesNotParseIsRefusedWithThePosition() {
		RejectedRequest empty = thrown(() -> world.policy(false, any()));
		assertThat(empty.status().value()).isEqualTo(422);
		assertThat(empty.messageKey()).isEqualTo("approval.stage.empty");
		assertThat(thrown(() -> world.policy(false)).messageKey()).isEqualTo("approval.policy.no-stages");

		RejectedRequest syntax = thrown(() -> world.policy(false,
				stage("审批", StageRule.ANY, 1, "amount >= and risk = 'HIGH'", person(world.first))));
		assertThat(syntax.status().value()).isEqualTo(422);
		assertThat(syntax.messageKey()).isEqualTo("approval.condition.syntax");
		assertThat(syntax.arguments()[1]).isEqualTo(11);
		assertThat(syntax.fieldErrors()).containsEntry("stages[0].condition", "approval.condition.expected-value");
	}

	@Test
	void aRevisedPolicyIsANewVersionAndAnOpenRequestKeepsTheOneItStartedWith() {
		long policy = world.policy(false, any(person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		world.as(world.keeper, () -> context.getBean(PolicyAdministration.class)
			.revise(policy, new PolicyDraft("改版 " + policy, "", false, List.of(any(person(world.second))))));
		assertThat(context.getBean(ApprovalPolicies.class).find(policy).orElseThrow().version()).isEqualTo(2);

		assertThat(refusal(() -> world.approve(world.second, request))).isEqualTo(404);
		assertThat(world.approve(world.first, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		long renewed = world.request(policy, subject(), "v1", Map.of()).requestId();
		assertThat(world.approve(world.second, renewed).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void everyDecisionIsAudited() {
		long policy = world.policy(false, any(person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		world.approve(world.first, request);
		assertThat(jdbc.sql("select action from audit_record where object_type = 'approval_request' and object_id = ?")
			.param(String.valueOf(request)).query(String.class).list())
			.contains("APPROVAL_REQUEST", "APPROVAL_DECIDE", "APPROVAL_GRANT");
	}

	@Test
	void aPostChangingHandsMidStageDoesNotMoveTheStagesApprovers() {
		long post = post(world.first, world.second);
		long policy = world.policy(false, any(StageApprover.post(post)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		// the directory changes: the post passes to the third person, who is then marked absent
		jdbc.sql("update post set holder_id = ? where id = ?").params(world.third, post).update();
		absent(post);

		assertThat(world.as(world.third, approvals::waitingForMe)).isZero();
		assertThat(refusal(() -> world.approve(world.third, request))).isEqualTo(404);
		// the backup stands in for the holder seated at the start, who is not away
		assertThat(world.as(world.second, approvals::waitingForMe)).isZero();
		assertThat(refusal(() -> world.approve(world.second, request))).isEqualTo(403);
		assertThat(world.as(world.first, approvals::waitingForMe)).isEqualTo(1);
		RequestView view = world.as(world.first, () -> context.getBean(ApprovalReading.class).view(request));
		assertThat(view.stages().getFirst().approvers()).extracting(RequestView.Approver::personId)
			.containsExactly(world.first, world.second);
		assertThat(view.mayDecide()).isTrue();

		assertThat(world.approve(world.first, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		assertThat(decisions.of(request).getFirst().onBehalfOf()).isNull();
	}

	@Test
	void theBackupSeatedAtTheStartDecidesWhileTheHolderIsOnLeaveEvenAfterTheBackupChanged() {
		long post = post(world.first, world.second);
		long policy = world.policy(false, any(StageApprover.post(post)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		jdbc.sql("update post set backup_id = ? where id = ?").params(world.third, post).update();
		absent(post);

		assertThat(world.as(world.third, approvals::waitingForMe)).isZero();
		assertThat(refusal(() -> world.approve(world.third, request))).isEqualTo(404);
		assertThat(world.as(world.second, approvals::waitingForMe)).isEqualTo(1);
		RequestView view = world.as(world.second, () -> context.getBean(ApprovalReading.class).view(request));
		RequestView.Approver backup = view.stages().getFirst().approvers().getLast();
		assertThat(backup.personId()).isEqualTo(world.second);
		assertThat(backup.via()).isEqualTo(AssignmentVia.POST_BACKUP);
		assertThat(backup.standsInFor()).isEqualTo(world.first);
		assertThat(view.mayDecide()).isTrue();

		assertThat(world.approve(world.second, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
		Decision decision = decisions.of(request).getFirst();
		assertThat(decision.deciderId()).isEqualTo(world.second);
		assertThat(decision.onBehalfOf()).isEqualTo(world.first);
	}

	@Test
	void aRoleHolderWhoLosesTheRoleMidStageStillDecidesAndANewHolderDoesNot() {
		String role = world.directory.role("TICKET_WORK");
		long holder = world.person(role);
		long policy = world.policy(false, any(StageApprover.role(role, world.party, null)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();

		jdbc.sql("delete from user_role where user_id = ?").param(holder).update();
		long newcomer = world.person(role);

		assertThat(refusal(() -> world.approve(newcomer, request))).isEqualTo(404);
		assertThat(world.approve(holder, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	@Test
	void aDecidedServiceReportApprovalEvidences712bAndSecurityStaysPartialWithItsGap() {
		ApprovalEvidence source = context.getBean(ApprovalEvidence.class);
		org.yunwei.compliance.EvidenceRequest period = new org.yunwei.compliance.EvidenceRequest(
				java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(1),
				java.time.ZoneId.of("Asia/Shanghai"), world.party, Instant.now());
		assertThat(source.evidence(period)).allSatisfy(e -> {
			assertThat(e.state()).isEqualTo(org.yunwei.compliance.EvidenceState.PARTIAL);
			assertThat(e.gaps()).extracting(org.yunwei.compliance.Evidence.Note::key)
				.containsExactly("evidence.approval.gap.none-decided." + e.itemId());
		});

		long policy = world.policy(false, any(person(world.first)));
		long request = world.as(world.requester, () -> approvals.request(new org.yunwei.approval.ApprovalAsk(
				new org.yunwei.approval.ApprovalSubject(Approvals.SERVICE_REPORT, subject(),
						ApprovalWorld.hash("report")), policy, "2026年11月服务月报", "/reports/1", Map.of())))
			.requestId();
		world.approve(world.first, request);

		Map<String, org.yunwei.compliance.Evidence> byItem = source.evidence(period).stream()
			.collect(java.util.stream.Collectors.toMap(org.yunwei.compliance.Evidence::itemId, e -> e));
		org.yunwei.compliance.Evidence reports = byItem.get("7.1.2b");
		assertThat(reports.state()).isEqualTo(org.yunwei.compliance.EvidenceState.EVIDENCED);
		assertThat(reports.figures()).filteredOn(f -> f.label().equals("evidence.approval.granted"))
			.extracting(org.yunwei.compliance.Evidence.Figure::value).containsExactly(1L);
		assertThat(reports.records()).extracting(org.yunwei.compliance.Evidence.EvidenceRecord::link)
			.containsExactly("/approvals/" + request);
		assertThat(byItem.get("7.7.2c").state()).isEqualTo(org.yunwei.compliance.EvidenceState.PARTIAL);

		// another provider's evidence does not count this provider's request
		long other = world.directory.party("PROVIDER", org.yunwei.support.TestDirectory.unique("另一服务商"));
		assertThat(source.evidence(new org.yunwei.compliance.EvidenceRequest(period.from(), period.to(),
				period.zone(), other, period.now())))
			.allSatisfy(e -> assertThat(e.state()).isEqualTo(org.yunwei.compliance.EvidenceState.PARTIAL));
	}

	private long post(long holder, long backup) {
		return jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id, backup_id)
				values (?, ?, '审批变更', ?, ?) returning id""")
			.params(world.unit, org.yunwei.support.TestDirectory.unique("变更经理"), holder, backup)
			.query(Long.class)
			.single();
	}

	private void absent(long post) {
		long recorder = world.person(world.directory.role("POST_ABSENCE_RECORD"));
		world.as(recorder, () -> context.getBean(Positions.class)
			.recordAbsence(post, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(2)),
					"休假"));
	}

	private List<String> stageStates(long request) {
		return jdbc.sql("select state from approval_request_stage where request_id = ? order by position")
			.param(request).query(String.class).list();
	}

	private String outcome(long request) {
		return jdbc.sql("select outcome from approval_request where id = ?").param(request).query(String.class)
			.single();
	}

	private long count() {
		return jdbc.sql("select count(*) from approval_request").query(Long.class).single();
	}

	private static int refusal(Runnable call) {
		return thrown(call).status().value();
	}

	private static RejectedRequest thrown(Runnable call) {
		try {
			call.run();
		}
		catch (RejectedRequest refused) {
			return refused;
		}
		throw new AssertionError("expected a refusal");
	}
}
