package de.ratsweg.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (nothing is
 * downloaded). Screenshots go to {@code target/browser/}. Without Chromium the test
 * fails, unless the build runs with {@code -DskipBrowserTests}.
 */
public final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target/browser");

	private final WebDriver driver;

	private final String baseUrl;

	private Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/** Starts Chromium in German, for the application on the given port. */
	public static Browser open(int port) {
		return openAt("http://localhost:" + port);
	}

	/**
	 * Starts Chromium in German, for the application at this address (e.g. on
	 * {@code 127.0.0.1}, where an OpenID Connect provider accepts any port).
	 */
	public static Browser openAt(String baseUrl) {
		assumeFalse(Boolean.getBoolean("ratsweg.test.skipBrowser"), "browser tests skipped (-DskipBrowserTests)");
		String chromium = System.getProperty("ratsweg.test.chromium", "/usr/bin/chromium");
		String chromedriver = System.getProperty("ratsweg.test.chromedriver", "/usr/bin/chromedriver");
		assertThat(Path.of(chromium))
			.as("Chromium for the browser tests: apt-get install -y chromium chromium-driver "
					+ "(or build with -DskipBrowserTests)")
			.exists();
		assertThat(Path.of(chromedriver)).as("chromedriver: apt-get install -y chromium-driver").exists();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1400,1000", "--lang=de-DE");
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "de-DE,de"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// navigator.language and Intl as in a German browser (headless Chromium ignores
		// --lang)
		driver.executeCdpCommand("Emulation.setLocaleOverride", java.util.Map.of("locale", "de-DE"));
		driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Europe/Berlin"));
		return new Browser(driver, baseUrl);
	}

	public void go(String path) {
		this.driver.get(this.baseUrl + path);
	}

	/** Logs in on the webapp's login page. */
	public void logIn(String app, String user, String password) {
		go("/camunda/app/" + app + "/default/");
		// Angular builds the login form after the page has loaded: fill the fields that
		// are there (as a browser's password manager does) until both hold their text.
		until((driver) -> Boolean.TRUE.equals(script("""
				const name = document.querySelector("form input[type='text']");
				const secret = document.querySelector("form input[type='password']");
				if (!name || !secret) { return false; }
				for (const [field, value] of [[name, arguments[0]], [secret, arguments[1]]]) {
				  if (field.value !== value) {
				    field.value = value;
				    field.dispatchEvent(new Event('input', { bubbles: true }));
				    field.dispatchEvent(new Event('change', { bubbles: true }));
				  }
				}
				return name.value === arguments[0] && secret.value === arguments[1];
				""", user, password)) ? true : null);
		click(this.driver.findElement(By.cssSelector("form button[type='submit']")));
	}

	/** Logs out through the user menu ("Abmelden") of the webapp shown. */
	public void logOut() {
		click(waitFor(By.xpath("//*[contains(@class,'account')]//a[contains(@class,'dropdown-toggle')]")));
		click(waitFor(By.xpath("//a[contains(.,'Abmelden')]")));
		waitFor(By.cssSelector("form input[type='password']"));
	}

	public WebElement waitFor(By locator) {
		return until((driver) -> driver.findElements(locator)
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	/**
	 * Waits up to 30 s; on timeout, saves what the browser showed as {@code timeout.png}.
	 */
	public <T> T until(Function<WebDriver, T> condition) {
		try {
			// AngularJS replaces elements while it redraws: a stale one is looked up
			// again
			return new WebDriverWait(this.driver, Duration.ofSeconds(30))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(condition);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			screenshot("timeout");
			throw ex;
		}
	}

	/** Clicks through JavaScript: Camunda's Angular buttons ignore some native clicks. */
	public void click(WebElement element) {
		script("arguments[0].click();", element);
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Saves a screenshot of what the user sees as {@code target/browser/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
