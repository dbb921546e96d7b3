package org.yunwei.approval.internal;

/** Who a stage names as its approvers. */
public enum ApproverKind {
	/** One named person. */
	PERSON,
	/** The people holding a role within a party, or within a unit of it and the units below. */
	ROLE,
	/** A post's holder, or its backup while the holder is marked absent. */
	POST,
	/** The lead of the requester's unit (or of the nearest unit above that has one). */
	UNIT_LEAD
}
