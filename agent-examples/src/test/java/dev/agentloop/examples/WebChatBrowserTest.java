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
 * The web chat in headless Chromium: a message streams an answer from an agent backed by
 * FakeOpenRouter, with its tool call shown as a collapsible line. Skipped where Chromium is not
 * installed; Selenium Manager is never asked to download anything.
 */
@ExtendWith(VertxExtension.class)
class WebChatBrowserTest {

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
  void messageStreamsAnswerAndShowsToolCall(Vertx vertx) throws Exception {
    assumeTrue(CHROMIUM.exists() && CHROMEDRIVER.exists(), "Chromium and chromedriver are not installed");
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("forecast", "{\"city\":\"Paris\"}"));
    fake.enqueue(MockChat.streamText("It is sunny in Paris, 24 °C. Enjoy!", 6));
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

      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".message.assistant .text"), "It is sunny in Paris, 24 °C. Enjoy!"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.assistant .meta")));
      WebElement tool = driver.findElement(By.cssSelector("details.tool"));
      assertThat(tool.findElement(By.cssSelector("summary .label")).getText()).matches("forecast · \\d+ ms");
      tool.findElement(By.tagName("summary")).click();
      assertThat(tool.findElement(By.cssSelector("pre.args")).getText()).contains("Paris");
      assertThat(tool.findElement(By.cssSelector("pre.result")).getText()).isEqualTo("sunny, 24 °C in Paris");
      assertThat(driver.findElement(By.cssSelector(".message.user")).getText())
          .isEqualTo("What's the weather in Paris?");
      assertThat(driver.findElement(By.cssSelector(".message.assistant .meta")).getText())
          .contains("tokens").contains("$");
      screenshot(driver);
      assertThat(fake.requests()).hasSize(2).allSatisfy(r -> assertThat(r.isStream()).isTrue());
    } finally {
      driver.quit();
      service.stop();
      server.close().await();
      client.close().await();
      fake.close().await();
    }
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
    Files.copy(shot.toPath(), target.resolve("webchat.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
