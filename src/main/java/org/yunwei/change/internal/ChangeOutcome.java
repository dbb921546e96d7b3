package org.yunwei.change.internal;

/** How an implementation ended: successful, or failed and rolled back (回退), or failed and remedied (补救). */
public enum ChangeOutcome {
	SUCCESSFUL, ROLLED_BACK, REMEDIED;

	boolean failed() {
		return this != SUCCESSFUL;
	}
}
