package org.yunwei.printing.internal;

import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yunwei.printing.PrintFormat;
import org.yunwei.printing.PrintedDocument;
import org.yunwei.printing.Printing;

/**
 * Renders the template to HTML, parses it with jsoup (which turns whatever HTML the template writes into a tree that
 * is well-formed as XML) and hands the same tree to the PDF or the Word layout.
 */
@Component
class ThymeleafPrinting implements Printing {

	/** The page and the font every report shares; a template's own style comes after it and may refine it. */
	static final String BASE_STYLE = """
			@page { size: A4; margin: 18mm 16mm; }
			body { font-family: '%s'; font-size: 10.5pt; line-height: 1.45; color: #111; }
			h1 { font-size: 17pt; text-align: center; margin: 0 0 8pt 0; }
			h2 { font-size: 13pt; margin: 14pt 0 5pt 0; border-bottom: 1px solid #888; }
			h3 { font-size: 11pt; margin: 10pt 0 4pt 0; }
			table { width: 100%%; border-collapse: collapse; margin: 4pt 0; }
			th, td { border: 1px solid #666; padding: 3pt 4pt; text-align: left; vertical-align: top; }
			th { background: #eee; font-weight: bold; }
			dl { margin: 0; } dt { font-weight: bold; margin-top: 3pt; } dd { margin: 0 0 0 14pt; }
			.nowrap { white-space: nowrap; }
			.meta { color: #444; font-size: 9pt; text-align: center; }
			.pre { white-space: pre-wrap; }
			""".formatted(PdfLayout.FONT_FAMILY);

	private final ITemplateEngine templates;
	private final PdfLayout pdf;
	private final WordLayout word;

	ThymeleafPrinting(ITemplateEngine templates, PdfLayout pdf, WordLayout word) {
		this.templates = templates;
		this.pdf = pdf;
		this.word = word;
	}

	@Override
	public PrintedDocument print(PrintFormat format, String template, Map<String, ?> variables, Locale locale,
			String fileName) {
		Context context = new Context(locale);
		variables.forEach(context::setVariable);
		Document page = Jsoup.parse(templates.process(template, context));
		page.head().prependElement("style").appendText(BASE_STYLE);
		page.outputSettings().syntax(Document.OutputSettings.Syntax.xml).charset("UTF-8");
		byte[] content = switch (format) {
			case PDF -> pdf.lay(page);
			case DOCX -> word.write(page);
		};
		return new PrintedDocument(content, format, fileName);
	}
}
