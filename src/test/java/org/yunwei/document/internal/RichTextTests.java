package org.yunwei.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTests {

	@Test
	void keepsStructureAndDropsWhatRuns() {
		String kept = RichText.sanitise("<h2>总则</h2><p onclick=\"steal()\">第一条 <b>服务台</b>"
				+ "<script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"
				+ "<a href=\"https://example.gov.cn/\">y</a></p><iframe src=\"//evil\"></iframe><img src=x onerror=y>"
				+ "<table><tr><td style=\"background:url(x)\">1</td></tr></table>");
		assertThat(kept).contains("<h2>总则</h2>", "<b>服务台</b>", "<table>", "href=\"https://example.gov.cn/\"",
				"rel=\"noopener noreferrer nofollow\"");
		assertThat(kept).doesNotContain("script", "onclick", "javascript", "iframe", "img", "onerror", "style");
	}

	@Test
	void textWithNothingLeftIsBlank() {
		assertThat(RichText.blank(RichText.sanitise("<script>alert(1)</script>"))).isTrue();
		assertThat(RichText.blank(RichText.sanitise("<p>内容</p>"))).isFalse();
	}
}
