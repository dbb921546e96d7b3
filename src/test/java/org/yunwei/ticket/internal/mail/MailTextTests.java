package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is left of an e-mail once markup and the quoted earlier messages are gone. */
class MailTextTests {

	@Test
	void findsTheTicketNumberInBrackets() {
		assertThat(MailText.ticketNumber("回复：[INC-20261122-0001] 工单等待您的回复: 打印机")).contains("INC-20261122-0001");
		assertThat(MailText.ticketNumber("Re: [REQ-20261122-12345] 账号申请")).contains("REQ-20261122-12345");
		assertThat(MailText.ticketNumber("INC-20261122-0001 without brackets")).isEmpty();
		assertThat(MailText.ticketNumber("[ABC-20261122-0001]")).isEmpty();
	}

	@Test
	void dropsReplyAndForwardPrefixesFromANewTicketsSubject() {
		assertThat(MailText.subject("回复：转发: RE:  打印机  无法打印")).isEqualTo("打印机 无法打印");
		assertThat(MailText.subject("Fwd: Re[2]: VPN down")).isEqualTo("VPN down");
		assertThat(MailText.subject("Report: VPN down")).isEqualTo("Report: VPN down");
	}

	@Test
	void cutsAtOutlooksOriginalMessageSeparator() {
		String text = "型号是 HP M404。\r\n\r\n-----Original Message-----\r\nFrom: 服务台\r\n请提供型号";
		assertThat(MailText.withoutQuote(text)).isEqualTo("型号是 HP M404。");
		assertThat(MailText.withoutQuote("好的\n-----邮件原件-----\n发件人: 服务台")).isEqualTo("好的");
	}

	@Test
	void cutsAtQqMailsOriginalMessageLine() {
		String text = "已重启，恢复正常。\n\n------------------\u00a0原始邮件\u00a0------------------\n发件人: \"服务台\"";
		assertThat(MailText.withoutQuote(text)).isEqualTo("已重启，恢复正常。");
	}

	@Test
	void cutsAtTheChineseWroteLineEvenWhenItWraps() {
		assertThat(MailText.withoutQuote("可以了\n\n在 2026年11月22日 周日 10:00，服务台 写道：\n> 请重试")).isEqualTo("可以了");
		assertThat(MailText.withoutQuote("可以了\n在 2026年11月22日 周日 10:00，服务台 <\ndesk@yunwei.test> 写道：\n> 请重试"))
			.isEqualTo("可以了");
		assertThat(MailText.withoutQuote("Works now.\n\nOn Sun, Nov 22, 2026 at 10:00 Desk <desk@x.cn> wrote:\n> retry"))
			.isEqualTo("Works now.");
	}

	@Test
	void cutsAtAnOutlookHeaderBlockButNotAtAFromLineAlone() {
		String outlook = "收到\n\n________________________________\n发件人: 服务台\n发送时间: 2026年11月22日 10:00";
		assertThat(MailText.withoutQuote(outlook)).isEqualTo("收到");
		assertThat(MailText.withoutQuote("收到\n发件人：服务台 <desk@x.cn>\n发送时间：2026年11月22日\n主题：工单"))
			.isEqualTo("收到");
		assertThat(MailText.withoutQuote("From: the third floor\nthe printer is offline"))
			.isEqualTo("From: the third floor\nthe printer is offline");
	}

	@Test
	void dropsQuotedLines() {
		assertThat(MailText.withoutQuote("> 请提供型号\n> 谢谢\nHP M404\n>> 更早")).isEqualTo("HP M404");
	}

	@Test
	void readsHtmlAsTextWithoutMarkupQuotesAndEntities() {
		String html = """
				<html><head><style>p { color: red; }</style></head><body>
				<div>打印机&nbsp;<b>无法</b>打印</div><div>请&lt;尽快&gt;处理&#65281;&#x2764;</div>
				<p>第二段<br>第三行</p>
				<blockquote type="cite">原邮件<blockquote>更早的</blockquote>内容</blockquote>
				<script>alert(1)</script></body></html>""";
		assertThat(MailText.withoutQuote(MailText.fromHtml(html)))
			.isEqualTo("打印机 无法打印\n请<尽快>处理！❤\n第二段\n第三行");
	}

	@Test
	void fitsTextToAColumnMarkingTheCut() {
		assertThat(MailText.fit("一二三四五", 3)).isEqualTo("一二…");
		assertThat(MailText.fit("一二三", 3)).isEqualTo("一二三");
	}

	@Test
	void readsRawEightBitHeadersAsUtf8ThenGb18030ThenLatin1() {
		java.nio.charset.Charset latin1 = java.nio.charset.StandardCharsets.ISO_8859_1;
		String gbk = new String("喆堃镕 机房".getBytes(java.nio.charset.Charset.forName("GBK")), latin1);
		String utf8 = new String("赵镕".getBytes(java.nio.charset.StandardCharsets.UTF_8), latin1);
		assertThat(MailText.eightBit(gbk)).isEqualTo("喆堃镕 机房");
		assertThat(MailText.eightBit(utf8)).isEqualTo("赵镕");
		// a lone high byte is neither UTF-8 nor GB18030
		assertThat(MailText.eightBit("caf\u00e9")).isEqualTo("caf\u00e9");
		assertThat(MailText.eightBit("=?UTF-8?B?5byg5LiJ?=")).isEqualTo("=?UTF-8?B?5byg5LiJ?=");
		assertThat(MailText.eightBit("已解码")).isEqualTo("已解码");
	}

	@Test
	void cleansControlCharactersAndLoneSurrogatesButKeepsLinesAndEmoji() {
		assertThat(MailText.clean("打印机\u0000故障\u0007\n第二行\t😀\ud800")).isEqualTo("打印机故障\n第二行\t😀");
		assertThat(MailText.cleanFit("😀😀😀", 4)).isEqualTo("😀…");
	}
}
