package org.yunwei.approval;

import java.util.Map;

/**
 * A module's request: what, under which policy, the summary the approver's inbox shows, a link to the subject's page,
 * and the facts the policy's stage conditions may read (e.g. {@code "risk" -> "HIGH"}, {@code "amount" -> 12000},
 * {@code "category" -> "SERVICE_DESK_POLICY"}); values are String, Number or Boolean.
 */
public record ApprovalAsk(ApprovalSubject subject, long policyId, String summary, String link,
		Map<String, Object> facts) {
}
