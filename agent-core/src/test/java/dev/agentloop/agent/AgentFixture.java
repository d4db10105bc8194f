package dev.agentloop.agent;

import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.RetryOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A FakeOpenRouter on loopback, the real client pointed at it, and the real toolbox over {@link
 * TestTools}. Created on the JUnit thread (setup may await).
 */
final class AgentFixture {

  static final String MODEL = "openai/gpt-4o-mini";

  final Vertx vertx;
  final FakeOpenRouter fake;
  final OpenRouterClient client;
  final TestTools tools;
  final Toolbox toolbox;

  private AgentFixture(Vertx vertx, FakeOpenRouter fake, OpenRouterClient client, TestTools tools) {
    this.vertx = vertx;
    this.fake = fake;
    this.client = client;
    this.tools = tools;
    this.toolbox = Toolbox.builder().add(tools).build();
  }

  static AgentFixture start(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    OpenRouterClient client = OpenRouterClient.create(vertx, new OpenRouterOptions()
        .setApiKey("sk-test")
        .setBaseUrl(fake.baseUrl())
        .setRetry(new RetryOptions().setBaseDelay(Duration.ofMillis(10)).setJitter(0)));
    return new AgentFixture(vertx, fake, client, new TestTools(vertx));
  }

  /** Options with the fixture's model and toolbox. */
  AgentOptions options() {
    return new AgentOptions().setModel(MODEL).setToolbox(toolbox);
  }

  Agent agent(AgentOptions options) {
    return Agent.create(vertx, client, options);
  }

  Agent agent() {
    return agent(options());
  }

  /** All recorded chat requests' JSON bodies, in order. */
  List<JsonObject> chatBodies() {
    List<JsonObject> bodies = new ArrayList<>();
    for (RecordedRequest r : fake.requests()) {
      if (r.path().endsWith("/chat/completions")) {
        bodies.add(r.body());
      }
    }
    return bodies;
  }

  /** Waits for a run that must abort and returns its exception. */
  static AgentRunException failure(Future<AgentResult> run) {
    try {
      AgentResult r = run.await();
      throw new AssertionError("the run should have failed but stopped with " + r.stopReason());
    } catch (AgentRunException e) {
      return e;
    } catch (RuntimeException e) {
      if (run.cause() instanceof AgentRunException are) {
        return are;
      }
      throw e;
    }
  }

  void close() {
    client.close().await();
    fake.close().await();
  }
}
