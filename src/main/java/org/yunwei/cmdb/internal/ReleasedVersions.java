package org.yunwei.cmdb.internal;

import org.springframework.stereotype.Component;

/** Answers the facade's write for release management: the version a completed release deployed on an item. */
@Component
public class ReleasedVersions {

	/** The attribute of the application system class (cmdb V6) that holds the version it runs. */
	static final String ATTRIBUTE = "app_version";

	private final ItemRegister register;

	ReleasedVersions(ItemRegister register) {
		this.register = register;
	}

	public boolean record(long itemId, String version, String reason) {
		return register.recordVersion(itemId, version, reason);
	}
}
