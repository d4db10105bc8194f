package dev.agentloop.examples;

import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Vert.x instance and an OpenRouter client for one command: pointed at OpenRouter (or {@code
 * --base-url}), or, offline, at an in-process {@link FakeOpenRouter} answering with a scripted
 * model.
 */
final class Connection implements AutoCloseable {

  final Vertx vertx;
  final OpenRouterClient client;
  final boolean offline;
  private final @Nullable FakeOpenRouter fake;

  private Connection(Vertx vertx, OpenRouterClient client, @Nullable FakeOpenRouter fake) {
    this.vertx = vertx;
    this.client = client;
    this.offline = fake != null;
    this.fake = fake;
  }

  /** Whether a command with these options runs offline: {@code --offline}, or no key and no URL. */
  static boolean isOffline(Cli cli, CommonOptions o) {
    String envBase = cli.env.get("OPENROUTER_BASE_URL");
    boolean hasBase = o.baseUrl != null || (envBase != null && !envBase.isBlank());
    return o.offline || (cli.apiKey() == null && !hasBase);
  }

  /**
   * Opens a connection: to OpenRouter or {@code --base-url}, or, {@link #isOffline offline}, to an
   * in-process simulator whose chat answers come from {@code simulator} and whose {@code /models}
   * and {@code /generation} answers are the fake's built-ins. Blocks until the simulator listens.
   *
   * @param simulator the scripted model, or null for commands that do not chat
   */
  static Connection open(
      Cli cli, CommonOptions o, @Nullable Function<RecordedRequest, MockResponse> simulator) {
    boolean offline = isOffline(cli, o);
    Vertx vertx = Vertx.vertx();
    if (!offline) {
      OpenRouterOptions options = OpenRouterOptions.fromEnv(cli.env);
      if (o.baseUrl != null) {
        options.setBaseUrl(o.baseUrl);
      }
      return new Connection(vertx, OpenRouterClient.create(vertx, options), null);
    }
    cli.err.println(
        o.offline
            ? "offline: --offline given — using the built-in simulator (scripted model)"
            : "offline: no OPENROUTER_API_KEY — using the built-in simulator (scripted model)");
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    if (simulator != null) {
      fake.dispatcher(simulator::apply);
    }
    OpenRouterClient client =
        OpenRouterClient.create(
            vertx, new OpenRouterOptions().setApiKey("offline").setBaseUrl(fake.baseUrl()));
    return new Connection(vertx, client, fake);
  }

  /** Closes the client, the simulator and Vert.x, waiting for them. */
  @Override
  public void close() {
    try {
      client.close().await();
      if (fake != null) {
        fake.close().await();
      }
    } finally {
      vertx.close().await();
    }
  }
}
