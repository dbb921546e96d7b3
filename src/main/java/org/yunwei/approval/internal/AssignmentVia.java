package org.yunwei.approval.internal;

/** Why a person may decide in a stage. */
public enum AssignmentVia {
	PERSON, ROLE, POST_HOLDER, POST_BACKUP, UNIT_LEAD, CO_APPROVER, ESCALATION
}
