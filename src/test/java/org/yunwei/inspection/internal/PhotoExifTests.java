package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class PhotoExifTests {

	@Test
	void readsTheTimeAndPlaceACameraWrote() {
		PhotoExif.Evidence evidence = PhotoExif.read(TestPhotos.jpegWithExif());
		assertThat(evidence.takenAt()).isEqualTo(LocalDateTime.parse("2026-12-01T09:30:00"));
		assertThat(evidence.latitude()).isEqualTo(23.125);
		assertThat(evidence.longitude()).isEqualTo(113.25);
	}

	@Test
	void aPhotoWithoutExifOrWithBrokenBytesHasNone() {
		assertThat(PhotoExif.read(TestPhotos.jpeg())).isEqualTo(PhotoExif.Evidence.NONE);
		byte[] broken = TestPhotos.jpegWithExif();
		java.util.Arrays.fill(broken, 20, 40, (byte) 0x7F);
		assertThat(PhotoExif.read(broken).latitude()).isNull();
	}
}
