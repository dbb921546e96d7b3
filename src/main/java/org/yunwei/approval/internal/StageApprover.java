package org.yunwei.approval.internal;

/**
 * One approver line of a stage; which ids are set depends on the kind.
 *
 * @param orgUnitId for a role, the unit (and those below) its holders must belong to; {@code null} for the whole party
 */
public record StageApprover(ApproverKind kind, Long personId, String roleCode, Long partyId, Long orgUnitId,
		Long postId) {

	public static StageApprover person(long personId) {
		return new StageApprover(ApproverKind.PERSON, personId, null, null, null, null);
	}

	public static StageApprover role(String roleCode, long partyId, Long orgUnitId) {
		return new StageApprover(ApproverKind.ROLE, null, roleCode, partyId, orgUnitId, null);
	}

	public static StageApprover post(long postId) {
		return new StageApprover(ApproverKind.POST, null, null, null, null, postId);
	}

	public static StageApprover unitLead() {
		return new StageApprover(ApproverKind.UNIT_LEAD, null, null, null, null, null);
	}
}
