package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseIdNumberTests {

	@Test
	void acceptsANumberWithItsCheckCharacterAndRefusesAMistypedOne() {
		assertThat(ChineseIdNumber.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
		assertThat(ChineseIdNumber.normalise("110105194912310021")).isNull();
		assertThat(ChineseIdNumber.normalise("11010519491231002")).isNull();
		assertThat(ChineseIdNumber.normalise("abc")).isNull();
	}
}
