package org.yunwei.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigesterTests {

	@Test
	void sm3OfAbcIsTheStandardsExample() {
		Digester sm3 = new Digester(true);
		assertThat(sm3.algorithm()).isEqualTo("SM3");
		assertThat(sm3.hexDigest("abc"))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void sha256OfAbcIsTheStandardsExample() {
		Digester sha = new Digester(false);
		assertThat(sha.algorithm()).isEqualTo("SHA-256");
		assertThat(sha.hexDigest("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}
}
