package org.yunwei.ticket.internal.record;

import java.util.Arrays;
import java.util.List;

/**
 * The service objects of the Guangzhou standard (服务对象) a ticket may name: what kind of thing is serviced. The
 * ticket stores the name; the catalogue keeps its own list for its services.
 */
public enum ServiceObject {
	OFFICE_EQUIPMENT, INFRASTRUCTURE, GOVERNMENT_CLOUD, NETWORK_SECURITY;

	/** Every name, in the order the forms offer them. */
	public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

	static boolean isNamed(String name) {
		return NAMES.contains(name);
	}
}
