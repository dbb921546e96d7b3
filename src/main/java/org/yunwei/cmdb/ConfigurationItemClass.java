package org.yunwei.cmdb;

import java.util.List;

/**
 * A class of configuration items as other modules see it: to let an inspection template name the class it checks,
 * and to tell whether an item's class is that class or one below it.
 *
 * @param lineageCodes the codes from the root class down to and including this one
 */
public record ConfigurationItemClass(long id, String code, String name, String nameEn, boolean enabled,
		List<String> lineageCodes) {

	public ConfigurationItemClass {
		lineageCodes = List.copyOf(lineageCodes);
	}

	/** Whether this class is the class of that code or one of its subclasses. */
	public boolean within(String classCode) {
		return lineageCodes.contains(classCode);
	}
}
