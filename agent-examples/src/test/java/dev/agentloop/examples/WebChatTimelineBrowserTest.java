package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run timeline of the web chat in headless Chromium: under the answer, a waterfall row per
 * model call and tool call with duration, tokens and cost. Skipped where Chromium is not installed.
 */
@ExtendWith(VertxExtension.class)
class WebChatTimelineBrowserTest {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  /** The agent's tool. */
  public static final class Forecast {
    @Tool(description = "Today's forecast for a city")
    public String forecast(@Param(description = "City name") String city) {
      return "sunny, 24 °C in " + city;
    }
  }

  @Test
  @Timeout(90)
  void theAnswerShowsTheRunAsAWaterfall(Vertx vertx) throws Exception {
    assumeTrue(CHROMIUM.exists() && CHROMEDRIVER.exists(), "Chromium and chromedriver are not installed");
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("forecast", "{\"city\":\"Paris\"}").usage(120, 15, 0.00042));
    fake.enqueue(MockChat.streamText("It is sunny in Paris, 24 °C. Enjoy!", 6).usage(160, 12, 0.0005));
    OpenRouterClient client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    Agent agent = Agent.create(vertx, client, new AgentOptions()
        .setModel("openai/gpt-4o-mini")
        .setToolbox(Toolbox.builder().add(new Forecast()).build()));
    ChatServer server = ChatServer.start(vertx, "weather", agent, 0).await();
    Path profile = Files.createTempDirectory("webchat-chromium");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, chromeOptions(profile));
    try {
      driver.get("http://127.0.0.1:" + server.port() + "/");
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

      driver.findElement(By.id("prompt")).sendKeys("What's the weather in Paris?");
      driver.findElement(By.id("send")).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.assistant .timeline")));
      List<WebElement> rows = driver.findElements(By.cssSelector(".message.assistant .timeline .tl-row"));
      assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".tl-label")).getText())
          .containsExactly("model openai/gpt-4o-mini", "tool forecast", "model openai/gpt-4o-mini");
      assertThat(rows.get(0).findElement(By.cssSelector(".tl-info")).getText())
          .matches("\\d+ ms · 120\\+15 tok · \\$0\\.000420");
      assertThat(rows.get(1).findElement(By.cssSelector(".tl-info")).getText()).matches("\\d+ ms");
      assertThat(rows.get(2).findElement(By.cssSelector(".tl-info")).getText())
          .matches("\\d+ ms · 160\\+12 tok · \\$0\\.000500");
      assertThat(rows.get(1).getAttribute("class")).contains("tl-tool");
      // Bars are laid out in time: the tool starts after the first model call, the answer last.
      double first = left(rows.get(0));
      double tool = left(rows.get(1));
      double last = left(rows.get(2));
      assertThat(first).isLessThanOrEqualTo(tool);
      assertThat(tool).isLessThanOrEqualTo(last);
      screenshot(driver);
    } finally {
      driver.quit();
      service.stop();
      server.close().await();
      client.close().await();
      fake.close().await();
    }
  }

  private static double left(WebElement row) {
    String style = row.findElement(By.cssSelector(".tl-bar")).getAttribute("style");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("left: ([0-9.]+)%").matcher(style);
    assertThat(m.find()).as(style).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static ChromeOptions chromeOptions(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1000,760", "--user-data-dir=" + profile);
    return options;
  }

  private static void screenshot(WebDriver driver) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target.resolve("webchat-timeline.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
