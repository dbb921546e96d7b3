package org.yunwei.identity.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * A QR code as a PNG data URI, drawn on the server: no script and no outside service is needed to show it.
 */
final class QrCode {

	private QrCode() {
	}

	static String dataUri(String content) {
		try {
			var matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 220, 220);
			var png = new ByteArrayOutputStream();
			var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ImageIO.write(image, "PNG", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException e) {
			throw new IllegalStateException("QR code could not be drawn", e);
		}
	}
}
