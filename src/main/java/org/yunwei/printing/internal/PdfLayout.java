package org.yunwei.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Lays an XHTML page out as PDF with openhtmltopdf. The Chinese font is embedded as a subset of its TrueType
 * outlines (the build unpacks Noto Sans SC into {@code fonts/}, see the pom): without it PDFBox would draw Chinese
 * as nothing.
 */
@Component
class PdfLayout {

	static final String FONT_FAMILY = "Noto Sans SC";

	private static final ClassPathResource REGULAR = new ClassPathResource("fonts/NotoSansSC_400Regular.ttf");
	private static final ClassPathResource BOLD = new ClassPathResource("fonts/NotoSansSC_700Bold.ttf");

	PdfLayout() {
		if (!REGULAR.exists() || !BOLD.exists()) {
			// a build that skipped the pom's report-font step: fail at start, not with blank Chinese in a report
			throw new IllegalStateException("The report font is missing from the class path (fonts/NotoSansSC_*.ttf):"
					+ " build with Maven, which fetches it");
		}
	}

	byte[] lay(Document page) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> open(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> open(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.withW3cDocument(new W3CDom().fromJsoup(page), "classpath:/");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return out.toByteArray();
	}

	private static InputStream open(ClassPathResource font) {
		try {
			return font.getInputStream();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}
}
