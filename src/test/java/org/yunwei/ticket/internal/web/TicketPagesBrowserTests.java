package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The service desk's main flow in a real browser: a customer submits a request from the portal on a phone; an agent
 * assigns it, replies (Ctrl+Enter), pends it and resolves it; the customer reads the reply and confirms.
 */
class TicketPagesBrowserTests extends BrowserTestSupport {

	private static java.nio.file.Path file(String name, String content) {
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("yunwei-upload");
			dir.toFile().deleteOnExit();
			java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve(name), content);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void aRequestFromThePortalIsWorkedByAnAgentAndConfirmedByTheCustomer() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String subject = TestDirectory.unique("打印机无法打印 ");

		long id;
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn(world.bureauUser, TestDirectory.PASSWORD, null);
			// on a phone the side navigation is hidden; the top bar leads to the portal
			clickAndWaitForTheNextPage("#top-servicedesk");
			clickAndWaitForTheNextPage("#request-" + world.service);
			new Select(find("#urgency")).selectByValue("1");
			type("#subject", subject);
			type("#description", "三楼打印机显示脱机，重启无效。");
			find("#file").sendKeys(file("setup.exe", "MZ").toString());
			clickAndWaitForTheNextPage("#portal-submit");
			// refused whole: the file's mistake beside it, everything typed still there, nothing stored
			assertThat(find("#file-error").getText()).isNotBlank();
			assertThat(find("#subject").getAttribute("value")).isEqualTo(subject);
			assertThat(find("#description").getAttribute("value")).contains("三楼打印机显示脱机");
			find("#file").sendKeys(file("打印机状态.txt", "状态：脱机").toString());
			clickAndWaitForTheNextPage("#portal-submit");
			waitForPath("/portal/tickets/");
			assertThat(find("#attachments").getText()).contains("打印机状态.txt");
			assertThat(find("#notice").getText()).contains("INC-");
			assertThat(find("#ticket-subject").getText()).isEqualTo(subject);
			assertThat(find("#countdown-resolution").getText()).startsWith("剩余");
			String url = browser.getCurrentUrl();
			id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
		}

		browser.manage().deleteAllCookies();
		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/tickets?status=open&sort=due");
		assertThat(find("#countdown-" + id).getText()).startsWith("剩余");
		clickAndWaitForTheNextPage("#ticket-" + id + " a");

		click("#assign-box summary");
		new Select(find("#assign-group")).selectByValue(String.valueOf(world.firstLine));
		new Select(find("#assign-assignee")).selectByValue(String.valueOf(world.userId(world.agent)));
		clickAndWaitForTheNextPage("#assign-submit");
		assertThat(find("#ticket-status").getText()).contains("已分派");

		click("#reply-box summary");
		WebElement reply = find("#reply-body");
		reply.sendKeys("您好，请问打印机型号是什么？");
		leaveThePage(() -> reply.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)));
		assertThat(find("#timeline").getText()).contains("您好，请问打印机型号是什么？");

		click("#pend-box summary");
		click("#pend-CUSTOMER");
		type("#pend-comment", "等待客户提供型号");
		clickAndWaitForTheNextPage("#pend-submit");
		assertThat(find("#ticket-status").getText()).contains("挂起", "等待客户");
		assertThat(find("#countdown-resolution").getText()).startsWith("已暂停");

		click("#resolve-box summary");
		new Select(find("#resolve-code")).selectByValue("SOLVED");
		type("#resolve-text", "远程清理打印队列后恢复。");
		clickAndWaitForTheNextPage("#resolve-submit");
		assertThat(find("#ticket-status").getText()).contains("已解决");
		assertThat(find("#return-visit").getAttribute("href")).endsWith("/return-visits/new?ticketId=" + id);

		browser.manage().deleteAllCookies();
		signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		find("#nav-servicedesk");
		open("/portal/tickets/" + id);
		assertThat(find("#timeline").getText()).contains("您好，请问打印机型号是什么？", "远程清理打印队列后恢复。");
		clickAndWaitForTheNextPage("#confirm");
		assertThat(find("#ticket-status").getText()).contains("已关闭");
		assertThat(find("#rate").getAttribute("href")).endsWith("/tickets/" + id + "/rating");
		assertThat(browser.findElements(By.id("reply-form"))).isEmpty();
	}
}
