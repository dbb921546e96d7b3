package org.yunwei.personnel.internal;

import java.util.Locale;

/**
 * A small SVG writer for the charts: boxes, lines with arrow heads and text, every text escaped. Only presentation
 * attributes are written (no style, no script), so that the drawing is safe to place inline in a page and opens as
 * a file in any viewer; the font is the reader's sans-serif, which carries the Chinese glyphs on their machine.
 */
final class SvgSketch {

	static final String FONT = "'Noto Sans CJK SC','Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei',sans-serif";

	private final StringBuilder body = new StringBuilder();

	void box(double x, double y, double width, double height, String fill, String stroke) {
		body.append(String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>%n", x, y,
				width, height, fill, stroke));
	}

	void text(double x, double y, String text, int size, boolean bold, String anchor) {
		body.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s text-anchor=\"%s\" fill=\"#1f2937\">%s</text>%n", x, y,
				size, bold ? " font-weight=\"bold\"" : "", anchor, escape(text)));
	}

	void line(double x1, double y1, double x2, double y2, boolean arrow) {
		body.append(String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#64748b\" stroke-width=\"1.5\"%s/>%n", x1,
				y1, x2, y2, arrow ? " marker-end=\"url(#arrow)\"" : ""));
	}

	/** A path (e.g. a bend back to an earlier step), with an arrow head at its end. */
	void path(String d, boolean dashed) {
		body.append("<path d=\"").append(escape(d))
			.append("\" fill=\"none\" stroke=\"#64748b\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"")
			.append(dashed ? " stroke-dasharray=\"5 4\"" : "")
			.append("/>\n");
	}

	/** The whole drawing, sized to its content; {@code title} is what a screen reader and a viewer's tab show. */
	String document(double width, double height, String title) {
		return String.format(Locale.ROOT, """
				<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" \
				font-family="%s" role="img">
				<title>%s</title>
				<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" \
				orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#64748b"/></marker></defs>
				<rect width="100%%" height="100%%" fill="#ffffff"/>
				%s</svg>
				""", width, height, width, height, FONT, escape(title), body);
	}

	/** The text cut to about {@code units} wide, a Chinese character counting one unit and a Latin one half. */
	static String fit(String text, double units) {
		if (text == null) {
			return "";
		}
		double used = 0;
		StringBuilder fitted = new StringBuilder();
		int[] points = text.codePoints().toArray();
		for (int i = 0; i < points.length; i++) {
			double w = points[i] < 0x2E80 ? 0.55 : 1;
			if (used + w > units && i < points.length - 1) {
				return fitted.append('…').toString();
			}
			used += w;
			fitted.appendCodePoint(points[i]);
		}
		return fitted.toString();
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> {
					// control characters are not allowed in XML 1.0
					if (c >= 0x20 || c == '\n' || c == '\t') {
						escaped.appendCodePoint(c);
					}
				}
			}
		});
		return escaped.toString();
	}
}
