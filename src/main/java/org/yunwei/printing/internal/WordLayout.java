package org.yunwei.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Writes the same XHTML page as a Word document: headings, paragraphs, list items, {@code dl} pairs and tables in
 * the order of the page, so that the .docx says what the PDF says and can be edited. Style (the page's CSS) is not
 * carried over: Word's defaults with a Chinese font for the East Asian text.
 */
@Component
class WordLayout {

	/** What Chinese Word installations have; Word substitutes where it is missing. */
	private static final String EAST_ASIAN_FONT = "宋体";

	byte[] write(Document page) {
		try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (Element element : page.body().children()) {
				block(word, element);
			}
			word.write(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private void block(XWPFDocument word, Element element) {
		switch (element.normalName()) {
			case "h1" -> heading(word, element.text(), 18, true);
			case "h2" -> heading(word, element.text(), 14, false);
			case "h3", "h4" -> heading(word, element.text(), 12, false);
			case "p" -> paragraph(word.createParagraph(), element.wholeText().strip(), false, 0);
			case "ul", "ol" -> element.children().forEach(item -> paragraph(word.createParagraph(),
					"• " + item.text(), false, 0));
			case "dl" -> definitions(word, element);
			case "table" -> table(word, element);
			case "style", "script" -> { }
			default -> {
				if (element.children().isEmpty()) {
					if (!element.text().isBlank()) {
						paragraph(word.createParagraph(), element.wholeText().strip(), false, 0);
					}
				}
				else {
					element.children().forEach(child -> block(word, child));
				}
			}
		}
	}

	private void heading(XWPFDocument word, String text, int size, boolean centred) {
		XWPFParagraph paragraph = word.createParagraph();
		if (centred) {
			paragraph.setAlignment(ParagraphAlignment.CENTER);
		}
		paragraph.setSpacingBefore(200);
		paragraph.setSpacingAfter(100);
		paragraph(paragraph, text, true, size);
	}

	private void definitions(XWPFDocument word, Element list) {
		XWPFParagraph paragraph = null;
		for (Element item : list.children()) {
			if (item.normalName().equals("dt")) {
				paragraph = word.createParagraph();
				run(paragraph, item.text() + "：", true, 0);
			}
			else if (paragraph != null) {
				run(paragraph, item.wholeText().strip(), false, 0);
			}
		}
	}

	private void table(XWPFDocument word, Element table) {
		List<Element> rows = table.select("tr");
		if (rows.isEmpty()) {
			return;
		}
		int columns = rows.stream().mapToInt(row -> row.select("> th, > td").size()).max().orElse(1);
		XWPFTable written = word.createTable(rows.size(), Math.max(columns, 1));
		written.setWidth("100%");
		for (int r = 0; r < rows.size(); r++) {
			List<Element> cells = rows.get(r).select("> th, > td");
			XWPFTableRow row = written.getRow(r);
			for (int c = 0; c < cells.size(); c++) {
				XWPFTableCell cell = row.getCell(c);
				paragraph(cell.getParagraphs().getFirst(), cells.get(c).wholeText().strip(),
						cells.get(c).normalName().equals("th"), 0);
			}
		}
		word.createParagraph();
	}

	private static void paragraph(XWPFParagraph paragraph, String text, boolean bold, int size) {
		run(paragraph, text, bold, size);
	}

	private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
		String[] lines = text.split("\n", -1);
		XWPFRun run = paragraph.createRun();
		run.setBold(bold);
		if (size > 0) {
			run.setFontSize(size);
		}
		run.setFontFamily(EAST_ASIAN_FONT, FontCharRange.eastAsia);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				run.addBreak();
			}
			run.setText(lines[i]);
		}
	}
}
