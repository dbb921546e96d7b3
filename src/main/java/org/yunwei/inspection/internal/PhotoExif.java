package org.yunwei.inspection.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time and place a camera wrote into a JPEG's EXIF block (APP1): DateTimeOriginal (or DateTime) and the GPS
 * latitude and longitude, read without a library. Anything missing, malformed or out of range gives {@code null}
 * for that value, never an error: a photo without EXIF is still a photo.
 */
final class PhotoExif {

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
	private static final int DATE_TIME = 0x0132;
	private static final int EXIF_IFD = 0x8769;
	private static final int GPS_IFD = 0x8825;
	private static final int DATE_TIME_ORIGINAL = 0x9003;

	/** What the photo says of itself; the time is the camera's local time, as EXIF keeps it. */
	record Evidence(LocalDateTime takenAt, Double latitude, Double longitude) {

		static final Evidence NONE = new Evidence(null, null, null);
	}

	private PhotoExif() {
	}

	static Evidence read(byte[] jpeg) {
		try {
			int app1 = exifBlock(jpeg);
			return app1 < 0 ? Evidence.NONE : tiff(ByteBuffer.wrap(jpeg, app1, jpeg.length - app1).slice());
		}
		catch (RuntimeException malformed) {
			return Evidence.NONE;
		}
	}

	/** The offset of the TIFF header inside the APP1 segment that starts with "Exif\0\0", or -1. */
	private static int exifBlock(byte[] jpeg) {
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
			if (marker == 0xDA || marker == 0xD9) {
				return -1;
			}
			if (marker == 0xE1 && at + 10 <= jpeg.length
					&& "Exif".equals(new String(jpeg, at + 4, 4, StandardCharsets.US_ASCII))) {
				return at + 10;
			}
			at += 2 + length;
		}
		return -1;
	}

	private static Evidence tiff(ByteBuffer tiff) {
		tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		int ifd0 = tiff.getInt(4);
		String time = null;
		Double latitude = null;
		Double longitude = null;
		int exif = -1;
		int gps = -1;
		int count = tiff.getShort(ifd0) & 0xFFFF;
		for (int i = 0; i < count; i++) {
			int entry = ifd0 + 2 + i * 12;
			int tag = tiff.getShort(entry) & 0xFFFF;
			if (tag == EXIF_IFD) {
				exif = tiff.getInt(entry + 8);
			}
			else if (tag == GPS_IFD) {
				gps = tiff.getInt(entry + 8);
			}
			else if (tag == DATE_TIME) {
				time = ascii(tiff, entry);
			}
		}
		if (exif > 0) {
			int entries = tiff.getShort(exif) & 0xFFFF;
			for (int i = 0; i < entries; i++) {
				int entry = exif + 2 + i * 12;
				if ((tiff.getShort(entry) & 0xFFFF) == DATE_TIME_ORIGINAL) {
					time = ascii(tiff, entry);
				}
			}
		}
		if (gps > 0) {
			int entries = tiff.getShort(gps) & 0xFFFF;
			char latRef = 'N';
			char lonRef = 'E';
			for (int i = 0; i < entries; i++) {
				int entry = gps + 2 + i * 12;
				switch (tiff.getShort(entry) & 0xFFFF) {
					case 1 -> latRef = (char) tiff.get(entry + 8);
					case 2 -> latitude = degrees(tiff, tiff.getInt(entry + 8));
					case 3 -> lonRef = (char) tiff.get(entry + 8);
					case 4 -> longitude = degrees(tiff, tiff.getInt(entry + 8));
					default -> {
					}
				}
			}
			latitude = latitude == null || Math.abs(latitude) > 90 ? null : latRef == 'S' ? -latitude : latitude;
			longitude = longitude == null || Math.abs(longitude) > 180 ? null
					: lonRef == 'W' ? -longitude : longitude;
		}
		return new Evidence(time(time), latitude, longitude);
	}

	private static String ascii(ByteBuffer tiff, int entry) {
		int length = tiff.getInt(entry + 4);
		int offset = length <= 4 ? entry + 8 : tiff.getInt(entry + 8);
		byte[] bytes = new byte[Math.max(0, Math.min(length, 64))];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = tiff.get(offset + i);
		}
		return new String(bytes, StandardCharsets.US_ASCII).replace("\0", "").strip();
	}

	/** Three RATIONALs: degrees, minutes, seconds. */
	private static Double degrees(ByteBuffer tiff, int offset) {
		double value = 0;
		double scale = 1;
		for (int i = 0; i < 3; i++) {
			long numerator = tiff.getInt(offset + i * 8) & 0xFFFFFFFFL;
			long denominator = tiff.getInt(offset + i * 8 + 4) & 0xFFFFFFFFL;
			if (denominator == 0) {
				return null;
			}
			value += (double) numerator / denominator / scale;
			scale *= 60;
		}
		return value;
	}

	private static LocalDateTime time(String text) {
		try {
			return text == null || text.isEmpty() ? null : LocalDateTime.parse(text, EXIF_TIME);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
