package dev.agentloop.examples;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium options and screenshots shared by the browser tests. */
final class WebChatBrowserTestSupport {

  private WebChatBrowserTestSupport() {}

  static ChromeOptions options(File chromium, Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1000,760", "--user-data-dir=" + profile);
    return options;
  }

  static void screenshot(WebDriver driver, String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
