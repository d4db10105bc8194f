package dev.agentloop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.agentloop.internal.InMemoryMessageStore;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory and token counting on an event loop, under a blocked-thread checker far tighter than
 * Vert.x's default: reading an encoding table must happen on a worker.
 */
@Timeout(10)
class ConversationMemoryEventLoopTest {

  /** As in ToolboxInvokeTest: tight, yet above the scheduling noise of a loaded 2-core machine. */
  private static final long BLOCKED_LIMIT_MS = 200;

  /**
   * Read once, up front, by the test thread: the slow loaders below return it after their sleep,
   * so that no table is parsed (allocating heavily) while the checker watches.
   */
  private static Encoding cl100k;

  private final List<String> blocked = new CopyOnWriteArrayList<>();
  private final List<String> loaderThreads = new CopyOnWriteArrayList<>();
  private Vertx vertx;

  @BeforeAll
  static void readTable() {
    cl100k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(BLOCKED_LIMIT_MS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(10)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      if (event.thread().getName().contains("eventloop")) {
        // Where the loop was when caught, so that a failure says what blocked it.
        blocked.add(event.thread().getName() + " blocked " + event.duration() / 1_000_000
            + " ms at " + Arrays.stream(event.thread().getStackTrace()).limit(12)
                .map(String::valueOf).collect(Collectors.joining("\n    ")));
      }
    });
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
    assertThat(blocked).as("event loop blocked").isEmpty();
  }

  /**
   * A counter whose first use is certainly slow, whatever the JVM loaded before: its loader sleeps
   * four times the limit.
   */
  private TokenCounter slowCounter() {
    return new TokenCounter("slow-cl100k", () -> {
      loaderThreads.add(Thread.currentThread().getName());
      try {
        Thread.sleep(4 * BLOCKED_LIMIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return cl100k;
    });
  }

  private <T> T onEventLoop(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> action.get().onComplete(promise));
    return promise.future().await();
  }

  private static List<Message> conversation() {
    return List.of(Message.system("Be brief."), Message.user("Weather in Paris?"),
        Message.assistant(null, List.of(ToolCall.of("c1", "weather", "{\"city\":\"Paris\"}"))),
        Message.tool("c1", "sunny"), Message.assistant("Sunny in Paris."));
  }

  @Test
  void defaultMemoryIsCreatedAndReadOnAnEventLoop() {
    List<Message> read = onEventLoop(() -> {
      ConversationMemory memory = ConversationMemory.create(8_000);
      return memory.add(conversation()).compose(v -> memory.messages());
    });
    int counted = onEventLoop(() -> TokenCounter.cl100k().load().map(c -> c.count("hello world")));

    assertThat(read).isEqualTo(conversation());
    assertThat(counted).isEqualTo(2);
    assertThat(TokenCounter.o200k().isLoaded()).isTrue();
    assertThat(TokenCounter.o200k()).isSameAs(TokenCounter.of(EncodingType.O200K_BASE));
  }

  @Test
  void firstReadLoadsTheTableOnAWorkerAndTrimsWithIt() {
    TokenCounter counter = slowCounter();
    int budget = TokenCounter.cl100k().count(conversation().subList(0, 1))
        + TokenCounter.cl100k().count(conversation().subList(4, 5));

    List<Message> read = onEventLoop(() -> {
      ConversationMemory memory = ConversationMemory.create(new InMemoryMessageStore(), counter,
          budget);
      return memory.add(conversation()).compose(v -> memory.messages());
    });

    assertThat(read).extracting(Message::role).containsExactly("system", "assistant");
    assertThat(loaderThreads).singleElement().asString().startsWith("vert.x-worker-thread-");
    assertThat(counter.isLoaded()).isTrue();
    int counted = onEventLoop(() -> counter.load().map(c -> c.count("hello world")));
    assertThat(counted).isEqualTo(2);
    assertThat(loaderThreads).hasSize(1);
  }

  @Test
  void concurrentFirstReadsLoadTheTableOnce() {
    TokenCounter counter = slowCounter();
    ConversationMemory memory = ConversationMemory.create(new InMemoryMessageStore(), counter, 100);
    memory.add(conversation().subList(0, 2)).await();

    List<Object> reads = onEventLoop(() -> Future.all(memory.messages(), memory.messages(),
        memory.messages()).map(f -> f.list()));

    assertThat(reads).hasSize(3).containsOnly(conversation().subList(0, 2));
    assertThat(loaderThreads).hasSize(1);
  }

  /** Proves the harness: counting with an unloaded table on the loop is caught. */
  @Test
  void countingBeforeLoadingOnTheLoopIsCaught() {
    TokenCounter counter = slowCounter();

    int counted = onEventLoop(() -> Future.succeededFuture(counter.count("hello world")));

    assertThat(counted).isEqualTo(2);
    assertThat(loaderThreads).singleElement().asString().contains("eventloop");
    assertThat(blocked).isNotEmpty();
    vertx.timer(50).await(); // the checker may still be reporting the blocked task
    blocked.clear();
  }
}
