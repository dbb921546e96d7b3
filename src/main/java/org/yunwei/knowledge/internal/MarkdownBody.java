package org.yunwei.knowledge.internal;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * An article's Markdown, rendered safely: raw HTML in the source is escaped, never passed through, and link and image
 * addresses other than http(s), mailto and relative ones are dropped, so an author cannot put script into a reader's
 * page.
 */
public final class MarkdownBody {

	private static final Parser PARSER = Parser.builder().build();
	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private MarkdownBody() {
	}

	/** Safe HTML of the Markdown. */
	public static String html(String markdown) {
		return HTML.render(parse(markdown));
	}

	/** The text a reader reads, without Markdown marks: what the search index holds. */
	public static String text(String markdown) {
		return TEXT.render(parse(markdown));
	}

	private static Node parse(String markdown) {
		return PARSER.parse(markdown == null ? "" : markdown);
	}
}
