package dev.agentloop.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Invocation of tools: threads, argument errors, timeouts, results, failures. */
@Timeout(10)
class ToolboxInvokeTest {

  enum Unit {
    @JsonProperty("celsius") CELSIUS,
    @JsonProperty("fahrenheit") FAHRENHEIT
  }

  record Line(String sku, @jakarta.validation.constraints.Min(1) int qty) {}

  /** Tools used by the tests; each records the thread it ran on. */
  public static final class Tools {
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile boolean sawCancel;

    @Tool(description = "Weather for a city")
    public String weather(
        @Param(description = "City") String city,
        @Param(description = "Unit", defaultValue = "celsius") Unit unit,
        @Param(description = "Days ahead", defaultValue = "1") int days) {
      threads.add(Thread.currentThread().getName());
      return city + "/" + unit + "/" + days;
    }

    @Tool(description = "Places an order")
    public int order(List<Line> lines, Optional<String> note, LocalDate day) {
      return lines.size() * 100 + (note.isPresent() ? 10 : 0) + day.getDayOfMonth() % 10;
    }

    @Tool(description = "Async lookup")
    public Future<String> lookup(String key, ToolContext context) {
      threads.add(Thread.currentThread().getName());
      return Future.succeededFuture(key + "@" + context.runId() + "/" + context.toolCallId());
    }

    @Tool(description = "Stage lookup")
    public CompletionStage<Integer> stage(int value) {
      threads.add(Thread.currentThread().getName());
      return CompletableFuture.completedFuture(value * 2);
    }

    @Tool(description = "Quick", nonBlocking = true)
    public Line quick(Vertx vertx) {
      threads.add(Thread.currentThread().getName());
      return new Line("a", 1);
    }

    @Tool(description = "Sleeps", timeoutMillis = 2000)
    public void sleep(long millis) throws InterruptedException {
      threads.add(Thread.currentThread().getName());
      Thread.sleep(millis);
    }

    @Tool(description = "Never answers", timeoutMillis = 100)
    public Future<String> hang(ToolContext context) {
      context.cancelled().onComplete(v -> sawCancel = true);
      return Promise.<String>promise().future();
    }

    @Tool(description = "Fails")
    public String fail(String why) {
      throw new IllegalStateException(why);
    }

    @Tool(description = "Fails async")
    public Future<String> failAsync() {
      return Future.failedFuture(new java.io.IOException("socket closed"));
    }

    @Tool(description = "Big result")
    public String big(int size) {
      return "x".repeat(size);
    }
  }

  private Vertx vertx;
  private final List<BlockedThreadEvent> blocked = new CopyOnWriteArrayList<>();
  private final Tools tools = new Tools();
  private Toolbox toolbox;
  private CancellableToolContext context;

  /**
   * Far tighter than Vert.x's 2 s default, yet above the scheduling noise of a loaded 2-core
   * machine (first-call class loading alone can take 50 ms there).
   */
  private static final long BLOCKED_LIMIT_MS = 200;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(BLOCKED_LIMIT_MS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      if (event.thread().getName().contains("eventloop")) {
        blocked.add(event);
      }
    });
    toolbox = Toolbox.builder().add(tools).maxResultChars(50).build();
    context = ToolContext.of(vertx, "run-1", "ignored");
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
    assertThat(blocked).as("event loop blocked").isEmpty();
  }

  private ToolResult call(String name, String arguments) {
    return toolbox.invoke(ToolCall.of("call-1", name, arguments), context).await();
  }

  private ToolResult callOnLoop(String name, String arguments) {
    Context ctx = vertx.getOrCreateContext();
    Promise<ToolResult> promise = Promise.promise();
    ctx.runOnContext(v -> toolbox.invoke(ToolCall.of("call-1", name, arguments), context).onComplete(promise));
    return promise.future().await();
  }

  /**
   * A chain of calls, each started from the previous one's completion, must not recurse until the
   * stack overflows (an inline-call optimisation did, and the chain hung; see
   * docs/performance.md).
   */
  @Test
  void aChainOfNonBlockingCallsEachStartedFromThePreviousCompletionCompletes() {
    int length = 5_000;
    Context ctx = vertx.getOrCreateContext();
    Promise<Integer> done = Promise.promise();
    ctx.runOnContext(v -> chain(length, 0, done));
    assertThat(done.future().await()).isEqualTo(length);
    assertThat(tools.threads).hasSize(length);
  }

  private void chain(int length, int count, Promise<Integer> done) {
    if (count == length) {
      done.complete(count);
      return;
    }
    toolbox
        .invoke(ToolCall.of("c" + count, "quick", ""), context)
        .onComplete(
            ar -> {
              if (ar.failed() || ar.result().isError()) {
                done.tryFail("call " + count + " failed: " + ar);
              } else {
                chain(length, count + 1, done);
              }
            });
  }

  @Test
  void blockingToolRunsOnWorkerAndAppliesDefaults() {
    ToolResult result = callOnLoop("weather", "{\"city\":\"Paris\"}");
    assertThat(result.isError()).isFalse();
    assertThat(result.content()).isEqualTo("Paris/CELSIUS/1");
    assertThat(result.toolCallId()).isEqualTo("call-1");
    assertThat(tools.threads).singleElement().asString().contains("worker");
  }

  @Test
  void defaultsAreOverriddenByArgumentsAndNullMeansOmitted() {
    assertThat(call("weather", "{\"city\":\"Oslo\",\"unit\":\"fahrenheit\",\"days\":3}").content())
        .isEqualTo("Oslo/FAHRENHEIT/3");
    assertThat(call("weather", "{\"city\":\"Oslo\",\"unit\":null}").content()).isEqualTo("Oslo/CELSIUS/1");
  }

  @Test
  void futureToolRunsOnEventLoopWithInjectedContext() {
    ToolResult result = callOnLoop("lookup", "{\"key\":\"k\"}");
    assertThat(result.content()).isEqualTo("k@run-1/call-1");
    assertThat(tools.threads).singleElement().asString().contains("eventloop");
  }

  @Test
  void completionStageAndNonBlockingToolsRunOnEventLoop() {
    assertThat(call("stage", "{\"value\":21}").content()).isEqualTo("42");
    assertThat(call("quick", "").content()).isEqualTo("{\"sku\":\"a\",\"qty\":1}");
    assertThat(tools.threads).hasSize(2).allMatch(name -> name.contains("eventloop"));
  }

  @Test
  void optionalAndNestedArgumentsAreBound() {
    assertThat(call("order", "{\"lines\":[{\"sku\":\"a\",\"qty\":2}],\"day\":\"2024-05-31\"}").content())
        .isEqualTo("101");
    assertThat(call("order", "{\"lines\":[],\"note\":\"n\",\"day\":\"2024-05-03\"}").content())
        .isEqualTo("13");
  }

  @Test
  void voidToolAnswersOkAndBlockingSleepDoesNotBlockTheLoop() {
    ToolResult result = callOnLoop("sleep", "{\"millis\":300}");
    assertThat(result.content()).isEqualTo("ok");
    assertThat(tools.threads).singleElement().asString().doesNotContain("eventloop");
  }

  @Test
  void badArgumentsGetActionableMessages() {
    assertThat(call("weather", "{\"city\":").content()).startsWith(
        "invalid arguments for tool `weather`: the arguments are not valid JSON (Unexpected end-of-input");
    assertThat(call("weather", "null").content())
        .isEqualTo("invalid arguments for tool `weather`: the arguments must be a JSON object; got null");
    assertThat(call("weather", "[1]").content())
        .isEqualTo("invalid arguments for tool `weather`: the arguments must be a JSON object; got array");
    assertThat(call("weather", "{}").content())
        .isEqualTo("invalid arguments for tool `weather`: missing required argument `city`");
    assertThat(call("weather", "{\"city\":\"Paris\",\"unit\":\"kelvin\"}").content()).isEqualTo(
        "invalid arguments for tool `weather`: argument `unit` must be one of celsius, fahrenheit;"
            + " got \"kelvin\"");
    assertThat(call("weather", "{\"city\":7,\"days\":\"two\"}").content()).isEqualTo(
        "invalid arguments for tool `weather`: argument `city` must be a string; got 7;"
            + " argument `days` must be an integer; got \"two\"");
    assertThat(call("order", "{\"lines\":[{\"sku\":\"a\",\"qty\":0}],\"day\":\"May 31\"}").content())
        .isEqualTo("invalid arguments for tool `order`: argument `day` must be a valid date such as"
            + " 2024-05-31; got \"May 31\"; `/lines/0/qty` must be >= 1; got 0");
    assertThat(call("order", "{\"lines\":[{\"qty\":1}],\"day\":\"2024-05-31\"}").content())
        .isEqualTo("invalid arguments for tool `order`: missing required property `/lines/0/sku`");
    assertThat(call("weather", "{}").error()).isEqualTo(ErrorKind.INVALID_ARGUMENTS);
  }

  @Test
  void unknownToolListsTheAvailableOnes() {
    ToolResult result = call("forecast", "{}");
    assertThat(result.error()).isEqualTo(ErrorKind.UNKNOWN_TOOL);
    // Registration order: the methods of a class as its source declares them.
    assertThat(result.content()).isEqualTo("unknown tool `forecast`; available tools: weather,"
        + " order, lookup, stage, quick, sleep, hang, fail, failAsync, big");
  }

  @Test
  void timeoutBecomesAnErrorAndCancelsTheCallContext() {
    ToolResult result = call("hang", "{}");
    assertThat(result.error()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(result.content()).isEqualTo("tool `hang` timed out after 100 ms");
    assertThat(tools.sawCancel).isTrue();
    assertThat(context.isCancelled()).isFalse();
  }

  @Test
  void cancellingTheRunCancelsARunningCall() {
    Future<ToolResult> pending = toolbox.invoke(ToolCall.of("c", "hang", "{}"), context);
    context.cancel();
    ToolResult result = pending.await();
    assertThat(result.error()).isEqualTo(ErrorKind.CANCELLED);
    assertThat(result.content()).isEqualTo("tool `hang` was cancelled");
  }

  @Test
  void exceptionsReachTheModelThroughThePolicy() {
    ToolResult result = call("fail", "{\"why\":\"disk full\"}");
    assertThat(result.error()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(result.content()).isEqualTo("IllegalStateException: disk full");
    assertThat(call("failAsync", "").content()).isEqualTo("IOException: socket closed");

    toolbox = Toolbox.builder().add(tools).errorPolicy(ToolErrorPolicy.redacted()).build();
    assertThat(call("fail", "{\"why\":\"password=hunter2\"}").content())
        .isEqualTo("tool `fail` failed with an internal error; try a different approach");
  }

  @Test
  void longResultsAreTruncatedVisibly() {
    assertThat(call("big", "{\"size\":50}").content()).isEqualTo("x".repeat(50));
    assertThat(call("big", "{\"size\":12395}").content())
        .isEqualTo("x".repeat(50) + "…[truncated 12345 more characters]");
  }

  /** Proves the harness: a non-blocking tool that sleeps is caught by the blocked-thread checker. */
  public static final class Misdeclared {
    @Tool(description = "Claims to be non-blocking but sleeps", nonBlocking = true)
    public String nap() throws InterruptedException {
      Thread.sleep(4 * BLOCKED_LIMIT_MS);
      return "done";
    }
  }

  @Test
  void blockedThreadCheckerCatchesAMisdeclaredTool() {
    toolbox = Toolbox.builder().add(new Misdeclared()).build();
    assertThat(call("nap", "").content()).isEqualTo("done");
    assertThat(blocked).isNotEmpty();
    blocked.clear();
  }

  @Test
  void specsCarryTimeoutsAndDefinitions() {
    assertThat(toolbox.find("hang").orElseThrow().timeout()).isEqualTo(Duration.ofMillis(100));
    // No own timeout: the caller's default applies (the agent's toolTimeout, or 60 s).
    assertThat(toolbox.find("weather").orElseThrow().timeout()).isNull();
    assertThat(toolbox.definitions()).hasSize(10);
    assertThat(toolbox.find("nope")).isEmpty();
  }
}
