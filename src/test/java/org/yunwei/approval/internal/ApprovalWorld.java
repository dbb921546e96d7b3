package org.yunwei.approval.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.TestDirectory;

/**
 * A provider party with a unit, a policy keeper, a requester and approvers, and the calls the approval tests make
 * as one of them.
 */
final class ApprovalWorld {

	final ApplicationContext context;
	final JdbcClient jdbc;
	final TestDirectory directory;
	final long party;
	final long unit;
	final long keeper;
	final long requester;
	final long first;
	final long second;
	final long third;

	ApprovalWorld(ApplicationContext context, JdbcClient jdbc) {
		this.context = context;
		this.jdbc = jdbc;
		this.directory = new TestDirectory(jdbc);
		party = directory.party("PROVIDER", "运维服务公司");
		unit = directory.orgUnit(party, null, "运维部");
		keeper = person("APPROVAL_POLICY_ADMIN");
		requester = person();
		first = person();
		second = person();
		third = person();
	}

	long person(String... roles) {
		return directory.userId(directory.user(unit, roles));
	}

	<T> T as(long userId, Supplier<T> call) {
		try (SignedIn signedIn = SignedIn.as(context, userId)) {
			return call.get();
		}
	}

	void as(long userId, Runnable call) {
		as(userId, () -> {
			call.run();
			return null;
		});
	}

	long policy(boolean requesterMayApprove, PolicyStage... stages) {
		return as(keeper, () -> context.getBean(PolicyAdministration.class)
			.create(new PolicyDraft(TestDirectory.unique("审批流程"), "", requesterMayApprove, List.of(stages))));
	}

	static PolicyStage stage(String name, StageRule rule, int count, String condition, StageApprover... approvers) {
		return new PolicyStage(0, name, rule, count, condition, null, List.of(approvers));
	}

	static PolicyStage any(StageApprover... approvers) {
		return stage("审核", StageRule.ANY, 1, null, approvers);
	}

	static StageApprover person(long id) {
		return StageApprover.person(id);
	}

	ApprovalState request(long policyId, long subjectId, String version, Map<String, Object> facts) {
		return request(requester, policyId, subjectId, version, facts);
	}

	ApprovalState request(long who, long policyId, long subjectId, String version, Map<String, Object> facts) {
		return as(who, () -> context.getBean(Approvals.class)
			.request(new ApprovalAsk(new ApprovalSubject("test-record", subjectId, hash(version)), policyId,
					"测试审批 " + version, "/records/" + subjectId, facts)));
	}

	ApprovalState decide(long who, long requestId, DecisionKind kind, String reason) {
		return as(who, () -> context.getBean(ApprovalProcess.class).decide(requestId, kind, reason));
	}

	ApprovalState approve(long who, long requestId) {
		return decide(who, requestId, DecisionKind.APPROVE, null);
	}

	private static final java.util.concurrent.atomic.AtomicLong SUBJECTS = new java.util.concurrent.atomic.AtomicLong(
			System.currentTimeMillis());

	static long subject() {
		return SUBJECTS.incrementAndGet();
	}

	static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
