package org.yunwei.cmdb;

import java.util.Locale;

/** One choice of an enumerated attribute: its stored code and its names ({@code nameEn} may be absent). */
public record ConfigurationItemAttributeOption(String code, String name, String nameEn) {

	public String label(Locale locale) {
		return label(name, nameEn, locale);
	}

	static String label(String name, String nameEn, Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn
				: name;
	}
}
