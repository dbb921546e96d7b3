package org.yunwei.printing;

import java.util.Locale;
import java.util.Map;

/**
 * Prints a report: the module's Thymeleaf template (a complete XHTML page; messages resolve in the given locale) with
 * its variables, as PDF or Word. The template's body may use headings ({@code h1}–{@code h3}), paragraphs, lists,
 * tables and {@code dl} pairs: what both formats render alike.
 */
public interface Printing {

	PrintedDocument print(PrintFormat format, String template, Map<String, ?> variables, Locale locale,
			String fileName);
}
