package dev.agentloop.agent.compose;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.RetryOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A FakeOpenRouter whose answers depend on which agent asks: each agent has its own instructions
 * (its name), and a script per name answers that agent's requests.
 */
final class ComposeFixture {

  static final String MODEL = "openai/gpt-4o-mini";

  final Vertx vertx;
  final FakeOpenRouter fake;
  final OpenRouterClient client;
  final Map<String, Function<RecordedRequest, Future<@Nullable MockResponse>>> scripts =
      new ConcurrentHashMap<>();

  private ComposeFixture(Vertx vertx, FakeOpenRouter fake, OpenRouterClient client) {
    this.vertx = vertx;
    this.fake = fake;
    this.client = client;
    fake.asyncDispatcher(
        r -> {
          String agent = agentOf(r);
          Function<RecordedRequest, Future<@Nullable MockResponse>> script =
              agent == null ? null : scripts.get(agent);
          return script == null ? Future.succeededFuture(null) : script.apply(r);
        });
  }

  static ComposeFixture start(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    OpenRouterClient client =
        OpenRouterClient.create(
            vertx,
            new OpenRouterOptions()
                .setApiKey("sk-test")
                .setBaseUrl(fake.baseUrl())
                .setRetry(new RetryOptions().setMaxAttempts(1)));
    return new ComposeFixture(vertx, fake, client);
  }

  /** The agent a chat request comes from: its system message, which is the agent's name. */
  static @Nullable String agentOf(RecordedRequest r) {
    JsonObject body = r.body();
    if (body == null) {
      return null;
    }
    JsonArray messages = body.getJsonArray("messages", new JsonArray());
    for (int i = 0; i < messages.size(); i++) {
      JsonObject m = messages.getJsonObject(i);
      if ("system".equals(m.getString("role"))) {
        return m.getString("content");
      }
    }
    return null;
  }

  /** Answers the named agent's requests with {@code script}. */
  ComposeFixture script(String agent, Function<RecordedRequest, MockResponse> script) {
    scripts.put(agent, r -> Future.succeededFuture(script.apply(r)));
    return this;
  }

  /** Answers the named agent's requests asynchronously. */
  ComposeFixture scriptAsync(
      String agent, Function<RecordedRequest, Future<@Nullable MockResponse>> script) {
    scripts.put(agent, script);
    return this;
  }

  /** Options of an agent named {@code name} whose instructions are its name. */
  AgentOptions options(String name) {
    return new AgentOptions().setName(name).setInstructions(name).setModel(MODEL);
  }

  Agent agent(AgentOptions options) {
    return Agent.create(vertx, client, options);
  }

  /** The chat requests of one agent, in order. */
  List<RecordedRequest> requestsOf(String agent) {
    return fake.requests().stream().filter(r -> agent.equals(agentOf(r))).toList();
  }

  /** Waits (polling the fake, bounded) until no request is open on the fake server. */
  boolean awaitNoneInFlight(Duration within) {
    long end = System.nanoTime() + within.toNanos();
    while (fake.inFlight() > 0 && System.nanoTime() < end) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return fake.inFlight() == 0;
  }

  void close() {
    client.close().await();
    fake.close().await();
  }
}
