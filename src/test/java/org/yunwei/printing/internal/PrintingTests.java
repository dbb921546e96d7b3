package org.yunwei.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.yunwei.printing.PrintFormat;
import org.yunwei.printing.PrintedDocument;

/** One template printed as PDF and as Word: the Chinese text reads back from both, and the PDF page is drawn. */
class PrintingTests {

	private static final Map<String, Object> SAMPLE = Map.of("title", "核心业务系统故障报告", "number", "EMG-20261207-0001",
			"cause", "数据库连接池耗尽\n应用线程阻塞", "scope", "全市社保缴费业务中断",
			"lines", List.of(List.of("2026-12-07 09:15:02", "张伟", "宣布应急事件"),
					List.of("2026-12-07 09:40:31", "李娜", "重启连接池，业务恢复")));

	private final ThymeleafPrinting printing = new ThymeleafPrinting(engine(), new PdfLayout(), new WordLayout());

	@Test
	void thePdfEmbedsTheChineseFontAndItsTextReadsBack() throws Exception {
		PrintedDocument printed = printing.print(PrintFormat.PDF, "sample", SAMPLE, Locale.SIMPLIFIED_CHINESE,
				"故障报告");
		assertThat(printed.format()).isEqualTo(PrintFormat.PDF);
		try (PDDocument pdf = Loader.loadPDF(printed.content())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("核心业务系统故障报告", "数据库连接池耗尽", "应用线程阻塞", "全市社保缴费业务中断",
					"2026-12-07 09:40:31", "重启连接池，业务恢复");
			PDFont font = pdf.getPage(0).getResources().getFont(
					pdf.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.getName()).contains("NotoSansSC");
			assertThat(font.isEmbedded()).isTrue();
			BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
			assertThat(inked(image)).as("dark pixels drawn on the first page").isGreaterThan(2_000);
		}
	}

	@Test
	void theWordDocumentSaysTheSame() throws Exception {
		PrintedDocument printed = printing.print(PrintFormat.DOCX, "sample", SAMPLE, Locale.SIMPLIFIED_CHINESE,
				"故障报告");
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(printed.content()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
			String text = extractor.getText();
			assertThat(text).contains("核心业务系统故障报告", "影响范围：全市社保缴费业务中断", "数据库连接池耗尽",
					"应用线程阻塞", "李娜", "重启连接池，业务恢复");
			assertThat(word.getTables()).hasSize(1);
			assertThat(word.getTables().getFirst().getRows()).hasSize(3);
		}
	}

	@Test
	void theDownloadNamesTheFileInChinese() {
		PrintedDocument printed = new PrintedDocument(new byte[] { 1 }, PrintFormat.DOCX, "演练报告-1");
		assertThat(printed.download().getHeaders().getContentDisposition().getFilename()).isEqualTo("演练报告-1.docx");
		assertThat(printed.download().getHeaders().getContentType()).isEqualTo(PrintFormat.DOCX.mediaType());
		assertThat(PrintFormat.byExtension("PDF")).isEqualTo(PrintFormat.PDF);
		assertThat(PrintFormat.byExtension("xlsx")).isNull();
	}

	/** Pixels clearly darker than the white page. */
	static int inked(BufferedImage image) {
		int dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
				if (grey < 128) {
					dark++;
				}
			}
		}
		return dark;
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("printing/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}
}
