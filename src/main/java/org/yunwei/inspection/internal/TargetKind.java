package org.yunwei.inspection.internal;

/** What a template checks, and so what a plan of it points at. */
public enum TargetKind {
	/** Configuration items of one class or its subclasses (servers, network devices …). */
	CI_CLASS,
	/** A place: a machine room, an office area, named by its location. */
	LOCATION,
	/** Application systems (configuration items of the class 应用系统). */
	APPLICATION_SYSTEM;

	/** The class of configuration items that application systems are. */
	static final String APPLICATION_SYSTEM_CLASS = "APPLICATION_SYSTEM";

	boolean targetsItems() {
		return this != LOCATION;
	}
}
