package org.yunwei.inspection.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/**
 * Photos for the tests: a real small JPEG drawn by ImageIO, with an EXIF block (APP1) written by hand, as a phone's
 * camera writes it: DateTimeOriginal 2026:12:01 09:30:00 and GPS 23°7′30″N 113°15′0″E (23.125, 113.25).
 */
final class TestPhotos {

	private TestPhotos() {
	}

	static byte[] jpegWithExif() {
		byte[] plain = jpeg();
		byte[] tiff = tiff();
		int length = 2 + 6 + tiff.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(tiff);
		// the rest of the image after its own SOI marker
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	static byte[] jpeg() {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(30, 120, 200));
		graphics.fillRect(0, 0, 32, 24);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static byte[] tiff() {
		ByteBuffer b = ByteBuffer.allocate(178);
		b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		// IFD0 at 8: the Exif and GPS pointers
		b.putShort((short) 2);
		entry(b, 0x8769, 4, 1, 38);
		entry(b, 0x8825, 4, 1, 56);
		b.putInt(0);
		// Exif IFD at 38
		b.putShort((short) 1);
		entry(b, 0x9003, 2, 20, 110);
		b.putInt(0);
		// GPS IFD at 56
		b.putShort((short) 4);
		b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(b, 2, 5, 3, 130);
		b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
		entry(b, 4, 5, 3, 154);
		b.putInt(0);
		// 110: the time, 130: latitude, 154: longitude
		b.put("2026:12:01 09:30:00\0".getBytes(StandardCharsets.US_ASCII));
		b.putInt(23).putInt(1).putInt(7).putInt(1).putInt(30).putInt(1);
		b.putInt(113).putInt(1).putInt(15).putInt(1).putInt(0).putInt(1);
		return b.array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}
}
