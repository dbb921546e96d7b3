package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * A service desk administrator finds the e-mail the intake could not file on its failures page, with the reason and
 * where it was set aside, pages back to older ones, and reads the page at phone width too (issue 23).
 */
class MailFailuresBrowserTests extends BrowserTestSupport {

	static GreenMail server;

	@Autowired
	MailIntake intake;

	@BeforeAll
	static void startServer() {
		server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Test
	void anAdministratorSeesWhyAMessageWasNotFiledAndWhereItWent() throws Exception {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		TestMailbox mailbox = new TestMailbox(server, "desk");
		mailbox.deliver("nul-sender.eml");
		mailbox.deliver("good.eml");
		MailboxSettings settings = mailbox.settings(world.bureau, world.service, world.firstLine)
			.withSetAside("Yunwei/Failed", null);
		assertThat(intake.poll(settings).count(MailMessages.Outcome.FAILED)).isEqualTo(1);

		signIn(world.lead, TestDirectory.PASSWORD, null);
		waitForPath("/");
		clickAndWaitForTheNextPage("#nav-mail-failures");
		waitForPath("/tickets/mail-failures");

		String list = find("#mail-failures").getText();
		assertThat(list).contains("无发件人 " + mailbox.token, "邮件没有可识别的发件人地址。", "已移至文件夹 Yunwei/Failed",
				"发件人：无名氏 <not-an-address>")
			.doesNotContain("ticket.mail.", "FAILED");
		assertThat(find("#nav-mail-failures").getAttribute("aria-current")).isEqualTo("page");

		// older failures come a page at a time
		jdbc.sql("""
				insert into ticket_mail_message (message_id, mailbox, sender, subject, outcome, party_id, reason,
				                                 set_aside_to)
				select '<older.' || n || '.' || ? || '@example.org>', 'desk', 'older@example.org', '较早的失败 ' || n,
				       'FAILED', ?, '邮件无法处理：测试', '' from generate_series(1, ?) as n""")
			.params(mailbox.token, world.providerParty, MailFailureWebController.PAGE_SIZE)
			.update();
		open("/tickets/mail-failures");
		assertThat(find("#mail-failures").getText()).contains("已标记为已读并加星标，留在原文件夹")
			.doesNotContain("无发件人 " + mailbox.token);
		clickAndWaitForTheNextPage("#mail-failures-more");
		assertThat(find("#mail-failures").getText()).contains("无发件人 " + mailbox.token);
		assertThat(find("#mail-failures-newest").isDisplayed()).isTrue();

		Dimension wide = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(new Dimension(390, 844));
			open("/tickets/mail-failures");
			find("#mail-failures");
			// the list fits the phone's width: nothing of it sticks out to the right, however long a Message-ID
			Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
					const list = document.getElementById('mail-failures');
					return Math.max(list.scrollWidth - list.clientWidth,
					                list.getBoundingClientRect().right - document.documentElement.clientWidth)""");
			assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
		}
		finally {
			browser.manage().window().setSize(wide);
		}
	}

	@Test
	void anAdministratorWithNoFailuresIsToldWhatTheListIsFor() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		signIn(world.lead, TestDirectory.PASSWORD, null);
		waitForPath("/");
		open("/tickets/mail-failures");

		assertThat(find("#mail-failures-empty").getText()).contains("没有无法受理的邮件", "退信和自动回复");
	}
}
