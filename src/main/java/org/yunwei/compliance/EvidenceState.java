package org.yunwei.compliance;

/** How far the system proves a key assessment item. */
public enum EvidenceState {
	/** The records the item asks for are kept, with live figures for the period. */
	EVIDENCED,
	/** Part of what the item asks for is kept; {@link Evidence#missing()} says what is not. */
	PARTIAL,
	/** Nothing yet: no module answers for the item. */
	MISSING
}
