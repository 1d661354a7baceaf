package io.github.asyncgraphdataflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given
 * explicitly, so Selenium Manager is never asked to find (or download) anything; the build
 * also sets SE_OFFLINE=true for the test JVM as a second guard.
 *
 * <p>Without the browser the test is skipped with a message, except under CI (the environment
 * variable or system property {@code CI} set), where it must run: {@code .ci/run} installs it.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private static final java.util.logging.Logger DEVTOOLS_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  private Browser() {}

  static ChromeDriver open() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    boolean ci = System.getenv("CI") != null || System.getProperty("CI") != null;
    if (!present && !ci) {
      Assumptions.abort("Skipped: no " + CHROMIUM + " or " + CHROMEDRIVER + " on this machine. "
          + "Install them with `apt-get install -y chromium chromium-driver` (CI does).");
    }
    assertThat(present).as("under CI, %s and %s must be installed (.ci/run does it)",
        CHROMIUM, CHROMEDRIVER).isTrue();
    // Selenium looks for a CDP binding of the browser's exact version and warns when it has
    // none; the test uses WebDriver only, so that warning is noise.
    DEVTOOLS_LOG.setLevel(Level.OFF);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(java.io.OutputStream.nullOutputStream())
        .build();
    File profile = Files.createTempDirectory("agdf-chromium-").toFile();
    profile.deleteOnExit();
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1440,1000",
            "--user-data-dir=" + profile.getAbsolutePath());
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
