package org.yunwei.release.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunwei.approval.Approvals;
import org.yunwei.approval.PolicyRuleBook;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;

/**
 * The release approval rules (发布审批流程的选择): which approval policy a release of a type goes to, kept in
 * {@code release_approval_rule} as the approval module's rule book keeps every module's rules; read also by
 * management's and supervision's readers of releases. A type without a live rule goes to the installation's default
 * policy. A release already submitted keeps the policy chosen then (an edit of that release asks again under it).
 */
@Service
class ReleaseApprovalRules extends PolicyRuleBook {

	static final List<String> TYPES = Arrays.stream(ReleaseType.values()).map(Enum::name).toList();

	private final Approvals approvals;

	ReleaseApprovalRules(JdbcClient jdbc, Approvals approvals, Actors actors, AuditTrail audit) {
		super(new Terms("release_approval_rule", "release.rule", Permission.RELEASE_READ,
				List.of(new KeyPart("releaseType", "release_type", "release.type", TYPES,
						"release.rule.type.unknown"))),
				jdbc, approvals, actors, audit);
		this.approvals = approvals;
	}

	/** The policy a release of the type is submitted under: its live rule's, else the installation's default. */
	long policyFor(ReleaseType type) {
		return livePolicy(List.of(type.name())).orElseGet(approvals::defaultPolicyId);
	}
}
