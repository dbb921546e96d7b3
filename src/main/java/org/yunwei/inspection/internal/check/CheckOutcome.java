package org.yunwei.inspection.internal.check;

/** What one run of a check found. */
public enum CheckOutcome {
	/** Everything as expected. */
	UP,
	/** Working but near a limit: slower than allowed, or a certificate close to its expiry (the early warning). */
	WARNING,
	/** Not working: a failure, which counts towards an incident. */
	DOWN
}
