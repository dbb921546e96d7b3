package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.yunwei.crypto.Digester;

class AuditChainEntryTests {

	private final ChainEntry entry = new ChainEntry(7, 1_700_000_000_123_456L, "admin", "10.0.0.1", "USER_UPDATE",
			"user", "42", "SUCCESS", null, "{\"name\": \"a\"}", "{\"name\": \"b\"}");

	@Test
	void sameContentGivesTheSameHashAndAnyChangeAnother() {
		ChainDigest digest = new ChainDigest(new Digester(false));
		String hash = digest.of(ChainDigest.GENESIS, 1, entry);
		assertThat(digest.of(ChainDigest.GENESIS, 1, entry)).isEqualTo(hash).hasSize(64);
		assertThat(digest.of(ChainDigest.GENESIS, 2, entry)).isNotEqualTo(hash);
		assertThat(digest.of("1".repeat(64), 1, entry)).isNotEqualTo(hash);
		assertThat(digest.of(ChainDigest.GENESIS, 1, new ChainEntry(7, 1_700_000_000_123_457L, "admin", "10.0.0.1",
				"USER_UPDATE", "user", "42", "SUCCESS", null, "{\"name\": \"a\"}", "{\"name\": \"b\"}")))
			.isNotEqualTo(hash);
	}

	@Test
	void nullDiffersFromEmptyText() {
		ChainEntry empty = new ChainEntry(7, 1, "a", "", "X", "t", null, "SUCCESS", null, null, null);
		ChainEntry missing = new ChainEntry(7, 1, "a", null, "X", "t", null, "SUCCESS", null, null, null);
		assertThat(empty.canonicalForm("h", 1)).isNotEqualTo(missing.canonicalForm("h", 1));
	}

	@Test
	void valuesCannotBeShiftedAcrossFields() {
		ChainEntry one = new ChainEntry(7, 1, "ab", "c", "X", "t", null, "SUCCESS", null, null, null);
		ChainEntry other = new ChainEntry(7, 1, "a", "bc", "X", "t", null, "SUCCESS", null, null, null);
		assertThat(one.canonicalForm("h", 1)).isNotEqualTo(other.canonicalForm("h", 1));
	}

	@Test
	void refusesTheSeparatorInsideAValue() {
		ChainEntry forged = new ChainEntry(7, 1, "a\u0000Sb", null, "X", "t", null, "SUCCESS", null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> forged.canonicalForm("h", 1));
	}

	@Test
	void sm3ModeChainsWithSm3() {
		ChainDigest sm3 = new ChainDigest(new Digester(true));
		ChainDigest sha = new ChainDigest(new Digester(false));
		assertThat(sm3.algorithm()).isEqualTo("SM3");
		assertThat(sm3.of(ChainDigest.GENESIS, 1, entry)).isNotEqualTo(sha.of(ChainDigest.GENESIS, 1, entry))
			.hasSize(64);
	}
}
