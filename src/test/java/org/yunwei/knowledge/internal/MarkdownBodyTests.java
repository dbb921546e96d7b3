package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownBodyTests {

	@Test
	void markdownIsRenderedAndRawHtmlEscaped() {
		String html = MarkdownBody.html("## 处理步骤\n\n1. 重启**打印机**\n\n<script>alert(1)</script>\n\n"
				+ "[链接](javascript:alert(1)) <img src=x onerror=alert(1)>");
		assertThat(html).contains("<h2>处理步骤</h2>", "<strong>打印机</strong>", "&lt;script&gt;")
			.doesNotContain("<script>", "javascript:", "<img");
	}

	@Test
	void theTextHasNoMarks() {
		assertThat(MarkdownBody.text("## 标题\n\n**粗体** 文字")).contains("标题", "粗体 文字").doesNotContain("**", "##");
	}
}
