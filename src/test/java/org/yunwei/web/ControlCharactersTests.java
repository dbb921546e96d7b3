package org.yunwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTests {

	@Test
	void lineBreaksAndTabsAreTextEveryOtherControlCharacterIsNot() {
		assertThat(ControlCharacters.in("第一行\r\n第二行\t制表")).isFalse();
		assertThat(ControlCharacters.in(null)).isFalse();
		assertThat(ControlCharacters.in("")).isFalse();
		for (char c : new char[] { '\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f',
				'\u0085', '\u009f' }) {
			assertThat(ControlCharacters.in("a" + c + "b")).as("U+%04X", (int) c).isTrue();
		}
		assertThat(ControlCharacters.in("全角　空格 and emoji 😀")).isFalse();
	}
}
