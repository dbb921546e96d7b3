package org.yunwei.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class SearchQueryTests {

	private final SearchQuery printer = new SearchQuery("打印机", 5, Locale.SIMPLIFIED_CHINESE);

	@Test
	void aShortTextIsItsOwnExcerptOnOneLine() {
		assertThat(printer.excerpt("  三楼打印机\n卡纸  ")).isEqualTo("三楼打印机 卡纸");
		assertThat(printer.excerpt(null)).isNull();
		assertThat(printer.excerpt(" \n ")).isNull();
	}

	@Test
	void aLongTextIsCutAroundTheFirstMatch() {
		String text = "甲".repeat(200) + "打印机卡纸" + "乙".repeat(200);
		String excerpt = printer.excerpt(text);
		assertThat(excerpt).startsWith("…").endsWith("…").contains("打印机卡纸");
		assertThat(excerpt).hasSize(SearchQuery.EXCERPT_LENGTH + 2);
	}

	@Test
	void aLongTextWithoutTheMatchGivesItsBeginning() {
		String excerpt = printer.excerpt("丙".repeat(300));
		assertThat(excerpt).isEqualTo("丙".repeat(SearchQuery.EXCERPT_LENGTH) + "…");
	}

	@Test
	void aMatchNearTheEndShowsTheEnd() {
		String excerpt = printer.excerpt("丁".repeat(300) + "打印机");
		assertThat(excerpt).startsWith("…").endsWith("打印机").hasSize(SearchQuery.EXCERPT_LENGTH + 1);
	}

	@Test
	void needsATextAndALimit() {
		assertThatThrownBy(() -> new SearchQuery(" ", 5, Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SearchQuery("x", 0, Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
	}
}
