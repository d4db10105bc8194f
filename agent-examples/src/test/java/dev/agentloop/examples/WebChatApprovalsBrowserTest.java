package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.run.RunStore;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat's approval prompt in headless Chromium: a run that parks for approval shows the
 * pending call with Approve and Reject; approving shows the continued answer, rejecting sends the
 * reason to the model and the call never runs. Screenshots go to {@code target/screenshots/}.
 * Skipped where Chromium is not installed.
 */
@ExtendWith(VertxExtension.class)
class WebChatApprovalsBrowserTest {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  /** A side-effecting tool that needs approval. */
  public static final class Bank {
    final List<String> transfers = new CopyOnWriteArrayList<>();

    /** Transfers money. */
    @Tool(description = "Transfers money", requiresApproval = true, nonBlocking = true)
    public String transfer(@Param(description = "amount in EUR") int amount,
        @Param(description = "recipient") String to) {
      transfers.add(amount + " to " + to);
      return "transferred " + amount + " EUR to " + to;
    }
  }

  @Test
  @Timeout(180)
  void parkedRunShowsTheCallAndContinuesAfterApproveOrReject(Vertx vertx) throws Exception {
    assumeTrue(CHROMIUM.exists() && CHROMEDRIVER.exists(), "Chromium and chromedriver are not installed");
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("transfer", "{\"amount\":40,\"to\":\"Bob\"}"));
    fake.enqueue(MockChat.text("Transferred 40 EUR to Bob."));
    fake.enqueue(MockChat.toolCall("transfer", "{\"amount\":4000,\"to\":\"Eve\"}"));
    fake.enqueue(MockChat.text("I did not transfer it: over budget."));
    OpenRouterClient client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    Bank bank = new Bank();
    Agent agent = Agent.create(vertx, client, new AgentOptions()
        .setModel("openai/gpt-4o-mini").setName("payments")
        .setToolbox(Toolbox.builder().add(bank).build())
        .setRunStore(RunStore.inMemory())
        .setApprover((call, spec) -> Future.succeededFuture(ToolApprover.Decision.defer())));
    ChatServer server = ChatServer.start(vertx, "payments", agent, 0).await();
    Path profile = Files.createTempDirectory("webchat-chromium");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, WebChatBrowserTestSupport.options(CHROMIUM, profile));
    try {
      driver.get("http://127.0.0.1:" + server.port() + "/");
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

      driver.findElement(By.id("prompt")).sendKeys("Pay Bob 40 euros");
      driver.findElement(By.id("send")).click();
      WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".approval")));
      assertThat(card.findElement(By.cssSelector(".approval-title")).getText()).isEqualTo("Approve transfer?");
      assertThat(card.findElement(By.cssSelector("pre.args")).getText())
          .isEqualTo("{\"amount\":40,\"to\":\"Bob\"}");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
          "The agent waits for your approval."));
      assertThat(bank.transfers).isEmpty();
      assertThat(driver.findElement(By.cssSelector("details.tool .label")).getText())
          .isEqualTo("transfer · awaiting approval");
      // The run's timeline shows the parked call as waiting, not as a failed call.
      WebElement toolRow = driver.findElement(By.cssSelector(".tl-row.tl-tool"));
      assertThat(toolRow.getAttribute("class")).doesNotContain("tl-error");
      assertThat(toolRow.findElement(By.cssSelector(".tl-info")).getAttribute("textContent"))
          .endsWith(" ms · awaiting approval");
      WebChatBrowserTestSupport.screenshot(driver, "webchat-approval.png");

      card.findElement(By.cssSelector("button.approve")).click();
      wait.until(ExpectedConditions.textToBe(By.cssSelector(".message.assistant .text"),
          "Transferred 40 EUR to Bob."));
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".approval"), 0));
      assertThat(bank.transfers).containsExactly("40 to Bob");
      assertThat(driver.findElement(By.cssSelector("details.tool .label")).getText())
          .isEqualTo("transfer · approved");
      WebChatBrowserTestSupport.screenshot(driver, "webchat-approved.png");

      driver.findElement(By.id("prompt")).sendKeys("Pay Eve 4000 euros");
      driver.findElement(By.id("send")).click();
      card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".approval")));
      card.findElement(By.cssSelector("input.reason")).sendKeys("over budget");
      card.findElement(By.cssSelector("button.reject")).click();
      wait.until(ExpectedConditions.textToBe(
          By.cssSelector(".message.assistant:last-of-type .text"), "I did not transfer it: over budget."));
      assertThat(bank.transfers).containsExactly("40 to Bob");
      assertThat(driver.findElements(By.cssSelector("details.tool .label")).get(1).getText())
          .isEqualTo("transfer · rejected");
      assertThat(fake.requests().get(3).messages().encode())
          .contains("The user rejected this call: over budget");
      WebChatBrowserTestSupport.screenshot(driver, "webchat-rejected.png");
    } finally {
      driver.quit();
      service.stop();
      server.close().await();
      client.close().await();
      fake.close().await();
    }
  }
}
