package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpAlgorithmTests {

	/** RFC 6238 appendix B, SHA-1 key; the 6-digit code is the last six digits of the 8-digit test value. */
	private static final String RFC_SECRET = new Base32()
		.encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		assertThat(TotpAlgorithm.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(TotpAlgorithm.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(TotpAlgorithm.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
		assertThat(TotpAlgorithm.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void acceptsOneStepOfClockDriftEitherSideAndNoMore() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		assertThat(TotpAlgorithm.verify(RFC_SECRET, TotpAlgorithm.codeAt(RFC_SECRET, now.minusSeconds(30)), now)).isTrue();
		assertThat(TotpAlgorithm.verify(RFC_SECRET, TotpAlgorithm.codeAt(RFC_SECRET, now.plusSeconds(30)), now)).isTrue();
		assertThat(TotpAlgorithm.verify(RFC_SECRET, TotpAlgorithm.codeAt(RFC_SECRET, now.minusSeconds(90)), now)).isFalse();
	}

	@Test
	void rejectsCodesThatAreNotSixDigits() {
		Instant now = Instant.now();
		assertThat(TotpAlgorithm.verify(RFC_SECRET, null, now)).isFalse();
		assertThat(TotpAlgorithm.verify(RFC_SECRET, "12345", now)).isFalse();
		assertThat(TotpAlgorithm.verify(RFC_SECRET, "abcdef", now)).isFalse();
	}

	@Test
	void newSecretsAreValidBase32OfAtLeast160Bits() {
		String secret = TotpAlgorithm.newSecret();
		assertThat(TotpAlgorithm.isValidSecret(secret)).isTrue();
		assertThat(new Base32().decode(secret)).hasSize(20);
		assertThat(TotpAlgorithm.newSecret()).isNotEqualTo(secret);
		assertThat(TotpAlgorithm.isValidSecret("not base32!")).isFalse();
	}

	@Test
	void provisioningUriIsWhatAuthenticatorAppsRead() {
		assertThat(TotpAlgorithm.provisioningUri("Yunwei", "admin", "JBSWY3DPEHPK3PXP"))
			.isEqualTo("otpauth://totp/Yunwei%3Aadmin?secret=JBSWY3DPEHPK3PXP&issuer=Yunwei&digits=6&period=30");
	}
}
