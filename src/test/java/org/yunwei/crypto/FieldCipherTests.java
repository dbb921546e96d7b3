package org.yunwei.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FieldCipherTests {

	private static byte[] key(int fill) {
		byte[] key = new byte[FieldCipher.KEY_BYTES];
		Arrays.fill(key, (byte) fill);
		return key;
	}

	@Test
	void sealsWithAesGcmAndOpensAgainWithoutThePlaintextInTheSealedBytes() {
		FieldCipher cipher = new FieldCipher(key(1), false);
		byte[] sealed = cipher.seal("13800138000", "staff_member.phone:7");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
		assertThat(cipher.open(sealed, "staff_member.phone:7")).isEqualTo("13800138000");
		assertThat(cipher.algorithm()).isEqualTo("AES-256-GCM");
		// a fresh nonce each time: the same value never seals to the same bytes
		assertThat(cipher.seal("13800138000", "staff_member.phone:7")).isNotEqualTo(sealed);
	}

	@Test
	void sealsWithSm4GcmInNationalModeAndStillOpensWhatAesSealed() {
		FieldCipher standard = new FieldCipher(key(2), false);
		FieldCipher national = new FieldCipher(key(2), true);
		byte[] sm4 = national.seal("44010619900101001X", "id");
		assertThat(national.algorithm()).isEqualTo("SM4-GCM");
		assertThat(national.open(sm4, "id")).isEqualTo("44010619900101001X");
		assertThat(standard.open(sm4, "id")).isEqualTo("44010619900101001X");
		assertThat(national.open(standard.seal("中文值", "id"), "id")).isEqualTo("中文值");
	}

	@Test
	void aWrongKeyIsAClearErrorNeverGarbage() {
		byte[] sealed = new FieldCipher(key(3), false).seal("13800138000", "phone");
		FieldCipher other = new FieldCipher(key(4), false);
		assertThatThrownBy(() -> other.open(sealed, "phone")).isInstanceOf(FieldCipher.FieldKeyMismatch.class)
			.hasMessageContaining("sealed with another key")
			.hasMessageContaining(other.keyFingerprint())
			.hasMessageNotContaining("13800138000");
	}

	@Test
	void anAlteredValueOrAnotherContextDoesNotOpen() {
		FieldCipher cipher = new FieldCipher(key(5), true);
		byte[] sealed = cipher.seal("13800138000", "staff_member.phone:1");
		assertThatThrownBy(() -> cipher.open(sealed, "staff_member.phone:2"))
			.isInstanceOf(FieldCipher.FieldKeyMismatch.class).hasMessageContaining("altered");
		byte[] altered = sealed.clone();
		altered[altered.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.open(altered, "staff_member.phone:1"))
			.isInstanceOf(FieldCipher.FieldKeyMismatch.class);
		assertThatThrownBy(() -> cipher.open(new byte[] { 1, 2, 3 }, "staff_member.phone:1"))
			.isInstanceOf(FieldCipher.FieldKeyMismatch.class).hasMessageContaining("not a sealed field");
	}

	@Test
	void refusesAKeyOfTheWrongLength() {
		assertThatThrownBy(() -> new FieldCipher(new byte[16], false)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("32 bytes");
	}

	@Test
	void theLookupDigestIsStableAcrossModesAndDiffersByKeyAndPurpose() {
		FieldCipher standard = new FieldCipher(key(3), false);
		FieldCipher national = new FieldCipher(key(3), true);
		byte[] digest = standard.lookupDigest("13800138000", "app_user.phone");
		assertThat(digest).hasSize(32).isEqualTo(standard.lookupDigest("13800138000", "app_user.phone"))
			.isEqualTo(national.lookupDigest("13800138000", "app_user.phone"));
		assertThat(new FieldCipher(key(4), false).lookupDigest("13800138000", "app_user.phone")).isNotEqualTo(digest);
		assertThat(standard.lookupDigest("13800138000", "staff_member.phone")).isNotEqualTo(digest);
		assertThat(standard.lookupDigest("13800138001", "app_user.phone")).isNotEqualTo(digest);
	}
}
