package org.yunwei.cmdb.internal;

import java.util.Locale;

/** Names that administrators give in Chinese and, optionally, in English. */
final class Labels {

	private Labels() {
	}

	static String of(String name, String nameEn, Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn
				: name;
	}
}
