package org.yunwei.sla;

/**
 * The priority of a record under an SLA, P1 the most urgent. An SLA sets one target per priority, and a more urgent
 * priority is never given a slower target.
 */
public enum Priority {
	P1, P2, P3, P4
}
