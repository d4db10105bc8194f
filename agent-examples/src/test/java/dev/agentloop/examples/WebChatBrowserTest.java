package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * The web chat in headless Chromium against an agent backed by FakeOpenRouter: a streamed,
 * sanitised Markdown answer with its tool call as a collapsible line; Enter while a run streams;
 * scrolling up while it streams; history across a reload; "New chat" aborting a run; the label,
 * live region, field contrast and favicon. Screenshots go to {@code target/screenshots/}. Skipped where Chromium is not
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

  /** A long Markdown answer with a link, a long unbroken word and markup that must not run. */
  static final String ANSWER = "It is **sunny** in Paris, 24 °C. Enjoy!\n\n"
      + "- morning: *clear*\n- afternoon: `24 °C`\n\n"
      + "Source: https://weather.example/" + "paris".repeat(30) + "\n\n"
      + "x".repeat(180) + "\n\n"
      + "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>\n\n"
      + "Line\n\n".repeat(12) + "End of forecast.";

  @Test
  @Timeout(180)
  void chatRendersMarkdownKeepsHistoryAndBehavesWhileRunning(Vertx vertx) throws Exception {
    assumeTrue(CHROMIUM.exists() && CHROMEDRIVER.exists(), "Chromium and chromedriver are not installed");
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("forecast", "{\"city\":\"Paris\"}"));
    fake.enqueue(MockChat.streamText(ANSWER, 9));
    fake.enqueue(MockResponse.chat(MockChat.streamText("Still **sunny** tomorrow. " + "More. ".repeat(40), 8))
        .newBuilder().headersDelay(Duration.ofMillis(1500)).chunkDelay(Duration.ofMillis(250)).build());
    fake.enqueue(MockResponse.chat(MockChat.streamText("Slowly, slowly, never finished.", 10))
        .newBuilder().chunkDelay(Duration.ofSeconds(2)).build());
    fake.enqueue(MockChat.text("A fresh start."));
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
    JavascriptExecutor js = (JavascriptExecutor) driver;
    String base = "http://127.0.0.1:" + server.port() + "/";
    try {
      driver.get(base);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

      // Accessibility: a label, one narrow live region, 3:1 field border, a favicon.
      assertThat(driver.findElement(By.cssSelector("label[for=prompt]")).getAttribute("textContent"))
          .isEqualTo("Message to the agent");
      assertThat(driver.findElements(By.cssSelector("[aria-live]")))
          .singleElement().satisfies(e -> assertThat(e.getAttribute("id")).isEqualTo("status"));
      String border = (String) js.executeScript(
          "return getComputedStyle(document.getElementById('prompt')).borderTopColor");
      String panel = (String) js.executeScript(
          "return getComputedStyle(document.getElementById('composer')).backgroundColor");
      assertThat(contrast(border, panel)).isGreaterThanOrEqualTo(3.0);
      assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href"))
          .isEqualTo(base + "favicon.svg");
      HttpResponse<String> icon = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "favicon.svg")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(icon.statusCode()).isEqualTo(200);
      assertThat(icon.body()).startsWith("<svg");

      // First question: a tool call, then a streamed Markdown answer, sanitised.
      WebElement prompt = driver.findElement(By.id("prompt"));
      prompt.sendKeys("What's the weather in Paris?");
      driver.findElement(By.id("send")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.assistant .meta")));
      WebElement answer = driver.findElement(By.cssSelector(".message.assistant .text"));
      assertThat(answer.getText()).startsWith("It is sunny in Paris, 24 °C. Enjoy!").endsWith("End of forecast.");
      assertThat(answer.findElement(By.tagName("strong")).getText()).isEqualTo("sunny");
      assertThat(answer.findElements(By.cssSelector("li"))).hasSize(2);
      assertThat(answer.findElement(By.tagName("a")).getAttribute("rel")).contains("noopener");
      assertThat(answer.findElements(By.cssSelector("script, img"))).isEmpty();
      assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
      WebElement bubble = driver.findElement(By.cssSelector(".message.assistant"));
      assertThat((Long) js.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", bubble))
          .isLessThanOrEqualTo(1L);
      WebElement tool = driver.findElement(By.cssSelector("details.tool"));
      assertThat(tool.findElement(By.cssSelector("summary .label")).getText()).matches("forecast · \\d+ ms");
      tool.findElement(By.tagName("summary")).click();
      assertThat(tool.findElement(By.cssSelector("pre.args")).getText()).contains("Paris");
      assertThat(tool.findElement(By.cssSelector("pre.result")).getText()).isEqualTo("sunny, 24 °C in Paris");
      assertThat(driver.findElement(By.id("status")).getAttribute("textContent"))
          .startsWith("The agent answered: It is **sunny**");
      screenshot(driver, "webchat.png");

      // Second question streams slowly: Enter does not send, reading further up is not disturbed.
      prompt.sendKeys("And tomorrow?");
      prompt.sendKeys(Keys.ENTER);
      wait.until(d -> d.findElements(By.cssSelector(".message.assistant.running")).size() == 1);
      prompt.sendKeys("a draft");
      prompt.sendKeys(Keys.ENTER);
      js.executeScript("document.getElementById('messages').scrollTop = 0");
      wait.until(d -> d.findElements(By.cssSelector(".message.assistant .meta")).size() == 2);
      assertThat(driver.findElements(By.cssSelector(".message.user"))).hasSize(2);
      assertThat(prompt.getAttribute("value")).isEqualTo("a draft");
      assertThat((Long) js.executeScript("return document.getElementById('messages').scrollTop")).isZero();
      assertThat((Long) js.executeScript("const m = document.getElementById('messages');"
          + " return m.scrollHeight - m.clientHeight")).isGreaterThan(100L);
      screenshot(driver, "webchat-scrolled-up.png");

      // A reload keeps the conversation, rendered again.
      driver.navigate().refresh();
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
      assertThat(driver.findElements(By.cssSelector(".message.user")))
          .extracting(WebElement::getText).containsExactly("What's the weather in Paris?", "And tomorrow?");
      assertThat(driver.findElements(By.cssSelector(".message.assistant .text strong")))
          .extracting(WebElement::getText).containsExactly("sunny", "sunny");
      assertThat(driver.findElements(By.cssSelector(".message.assistant .meta"))).hasSize(2);
      screenshot(driver, "webchat-reloaded.png");

      // New chat while a run is in progress aborts it: the server cancels the model call.
      prompt = driver.findElement(By.id("prompt"));
      prompt.clear();
      prompt.sendKeys("Something slow", Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".message.assistant.running .text"), "Slowly"));
      assertThat(fake.inFlight()).isEqualTo(1);
      driver.findElement(By.id("new-chat")).click();
      assertThat(driver.findElements(By.cssSelector(".message"))).isEmpty();
      new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> fake.inFlight() == 0);
      prompt.sendKeys("Hello again", Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".message.assistant .text"), "A fresh start."));
      assertThat(driver.findElements(By.cssSelector(".message"))).hasSize(2);
      assertThat(fake.requests().get(fake.requests().size() - 1).messages().encode())
          .doesNotContain("Paris").contains("Hello again");
      screenshot(driver, "webchat-new-chat.png");
      assertThat(fake.requests()).hasSize(5);
    } finally {
      driver.quit();
      service.stop();
      server.close().await();
      client.close().await();
      fake.close().await();
    }
  }

  /** The WCAG contrast ratio of two CSS {@code rgb(...)} colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String rgb) {
    String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(parts[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
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

  private static void screenshot(WebDriver driver, String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
