package org.yunwei.document.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * Rich text of a document version, kept within a small safe list of HTML: paragraphs, headings, lists, tables,
 * emphasis and links (http, https, mailto; opened without the opener), nothing that runs (no script, no event
 * handler, no style, no frame). What an editor typed is cleaned once, when it is kept; the page shows what was kept.
 */
final class RichText {

	static final int MAX_LENGTH = 200_000;

	private static final Safelist SAFE = Safelist.relaxed()
		.removeTags("img")
		.addTags("hr")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

	private RichText() {
	}

	static String sanitise(String html) {
		return Jsoup.clean(html, "", SAFE, new OutputSettings().prettyPrint(false));
	}

	/** Whether the cleaned text says anything at all. */
	static boolean blank(String sanitised) {
		return Jsoup.parse(sanitised).text().isBlank();
	}
}
