package org.yunwei.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tests in a real browser: Debian's headless Chromium driven by its chromedriver, against the shared application.
 * One browser per test JVM; each test starts with no cookies. Skipped, with the reason printed, where Chromium or
 * chromedriver is not installed.
 */
@Tag("browser")
public abstract class BrowserTestSupport extends IntegrationTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	private static WebDriver sharedBrowser;

	protected WebDriver browser;

	@BeforeEach
	void openBrowser() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing (apt-get install chromium chromium-driver; .ci/run does)";
			System.out.println(reason);
			Assumptions.abort(reason);
		}
		browser = shared();
		browser.manage().deleteAllCookies();
	}

	@AfterEach
	void forgetSession() {
		if (browser != null) {
			browser.manage().deleteAllCookies();
		}
	}

	private static synchronized WebDriver shared() {
		if (BrowserTestSupport.sharedBrowser == null) {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
			BrowserTestSupport.sharedBrowser = driver;
		}
		return BrowserTestSupport.sharedBrowser;
	}

	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	protected WebElement find(String cssSelector) {
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
	}

	protected void type(String cssSelector, String text) {
		WebElement field = find(cssSelector);
		field.clear();
		field.sendKeys(text);
	}

	protected void signIn(String username, String password, String totp) {
		open("/login");
		type("#username", username);
		type("#password", password);
		if (totp != null) {
			type("#totp", totp);
		}
		// the next page loaded before anything else: a test that opens a page at once would otherwise race the
		// sign-in and land on the sign-in page
		clickAndWaitForTheNextPage("#signin-submit");
	}

	protected void waitForPath(String path) {
		waitFor().until(d -> d.getCurrentUrl().contains(path));
	}

	/**
	 * Scrolls an element to the middle of the window at once, then clicks it. Chromium scrolls to an element near the
	 * bottom edge itself, but smoothly (Bootstrap asks for smooth scrolling), and may click before it gets there. A
	 * page may still be moving when the click comes (htmx boxes arriving above the element, such as the knowledge
	 * suggestions while a ticket is typed): Chromium then refuses the click as intercepted, without clicking, and it
	 * is scrolled and tried again until the element holds still.
	 */
	protected WebElement click(String cssSelector) {
		WebElement element = find(cssSelector);
		waitFor().ignoring(ElementClickInterceptedException.class).until(d -> {
			((JavascriptExecutor) d).executeScript(
					"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
			element.click();
			return true;
		});
		return element;
	}

	/** Clicks what submits a form or follows a link, and waits until the page it leads to has loaded. */
	protected void clickAndWaitForTheNextPage(String cssSelector) {
		leaveThePage(() -> click(cssSelector));
	}

	/**
	 * Does what navigates away from this page (a click, a key that submits a form) and waits until the next page has
	 * loaded in its place. This page's window is marked first; the next page is there when the window has no mark
	 * and its document is complete. Waiting for an element of this page to go stale instead is not enough: mid
	 * navigation Chromium may answer that question with an error of its own ("Node with given id does not belong to
	 * the document"), and any question asked while the next document loads may fail the same way, so it is asked
	 * again until the next page answers it.
	 */
	protected void leaveThePage(Runnable navigation) {
		JavascriptExecutor page = (JavascriptExecutor) browser;
		page.executeScript("window.yunweiPageLeft = true");
		navigation.run();
		waitFor().ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(page.executeScript(
					"return window.yunweiPageLeft !== true && document.readyState === 'complete'")));
	}

	protected WebDriverWait waitFor() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}
}
