package org.yunwei.cmdb.internal;

/**
 * How two configuration items are related, read as "source <i>type</i> target", and which way a failure travels
 * along the relation: e.g. an application that runs on a virtual machine fails when the machine fails, a rack that
 * contains a server takes the server down with it, two connected switches affect each other.
 */
public enum RelationType {
	/** The source runs on the target (an application on a server): the target's failure reaches the source. */
	RUNS_ON(Propagation.TO_SOURCE),
	/** The source depends on the target (an application on its database). */
	DEPENDS_ON(Propagation.TO_SOURCE),
	/** The source is installed on the target (middleware on a server). */
	INSTALLED_ON(Propagation.TO_SOURCE),
	/** The source is backed up by the target: the target's failure leaves the source without its backup. */
	BACKED_UP_BY(Propagation.TO_SOURCE),
	/** The source contains the target (a rack a server, a cloud platform its machines). */
	CONTAINS(Propagation.TO_TARGET),
	/** The two are connected (network links): a failure reaches either side. */
	CONNECTED_TO(Propagation.BOTH);

	private final Propagation propagation;

	RelationType(Propagation propagation) {
		this.propagation = propagation;
	}

	/** Whether the failure of the relation's source reaches its target. */
	boolean sourceAffectsTarget() {
		return propagation != Propagation.TO_SOURCE;
	}

	/** Whether the failure of the relation's target reaches its source. */
	boolean targetAffectsSource() {
		return propagation != Propagation.TO_TARGET;
	}

	private enum Propagation {
		TO_SOURCE, TO_TARGET, BOTH
	}
}
