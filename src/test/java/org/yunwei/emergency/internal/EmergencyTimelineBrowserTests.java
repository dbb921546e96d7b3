package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * Two people watch one emergency event in two browsers: what one does appears on the other's timeline within two
 * seconds, without a reload (the page asks every second for the entries recorded since).
 */
class EmergencyTimelineBrowserTests extends BrowserTestSupport {

	@Autowired
	EmergencyPlanApproval approval;

	private WebDriver second;

	@AfterEach
	void closeTheSecondBrowser() {
		if (second != null) {
			second.quit();
		}
	}

	@Test
	void aStepDoneInOneBrowserAppearsInTheOtherWithinTwoSeconds() {
		EmergencyWorld world = new EmergencyWorld(jdbc, api());
		long plan = world.approvedPlan(approval, "核心网络中断应急预案");
		long id = world.api.post("/api/v1/emergency-events", world.token(world.manager), Map.of("title", "政务外网中断",
				"description", "多个委办局无法访问政务外网。", "level", "MAJOR", "planId", plan)).json().get("id").asLong();

		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/emergency/events/" + id);
		find("#entry-" + firstEntry(world, id));

		second = secondBrowser();
		second.get("http://localhost:" + port + "/login");
		waitIn(second, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
			.sendKeys(world.manager);
		second.findElement(By.id("password")).sendKeys(TestDirectory.PASSWORD);
		second.findElement(By.id("signin-submit")).click();
		waitIn(second, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
		second.get("http://localhost:" + port + "/emergency/events/" + id);
		waitIn(second, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-" + firstEntry(world, id))));

		// the agent marks the first step done; the manager's page shows it within two seconds
		type("#step-note-1", "网络组已出发");
		clickAndWaitForTheNextPage("#step-done-1");
		assertThat(find("#step-1").getText()).contains("网络组已出发");
		waitIn(second, Duration.ofSeconds(2)).ignoring(WebDriverException.class)
			.until(d -> d.findElement(By.id("timeline")).getText().contains("通知网络组到场 — 网络组已出发"));

		// and the other way: the manager records a diagnosis, the agent's page shows it within two seconds
		JavascriptExecutor page = (JavascriptExecutor) second;
		page.executeScript("document.getElementById('action-box').open = true");
		second.findElement(By.id("action-text")).sendKeys("核心交换机主控板故障");
		new org.openqa.selenium.support.ui.Select(second.findElement(By.id("action-phase"))).selectByValue("DIAGNOSIS");
		second.findElement(By.id("action-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(2)).ignoring(WebDriverException.class)
			.until(d -> d.findElement(By.id("timeline")).getText().contains("核心交换机主控板故障"));
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("诊断分析");
	}

	private long firstEntry(EmergencyWorld world, long eventId) {
		return world.jdbc.sql("select min(id) from emergency_event_entry where event_id = ?").param(eventId)
			.query(Long.class).single();
	}

	private static WebDriverWait waitIn(WebDriver driver, Duration timeout) {
		return new WebDriverWait(driver, timeout);
	}

	/** A second headless Chromium beside the shared one, for a second person; quit after the test. */
	private static WebDriver secondBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(Path.of("/usr/bin/chromium").toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}
}
