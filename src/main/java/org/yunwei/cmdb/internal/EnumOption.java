package org.yunwei.cmdb.internal;

import java.util.Locale;

/**
 * One choice of an enumerated attribute: the stored code and its names.
 *
 * @param nameEn the English name; {@code null} shows the Chinese one
 */
public record EnumOption(String code, String name, String nameEn) {

	public String label(Locale locale) {
		return Labels.of(name, nameEn, locale);
	}
}
