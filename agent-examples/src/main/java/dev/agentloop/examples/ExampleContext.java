package dev.agentloop.examples;

import dev.agentloop.openrouter.OpenRouterClient;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Example} gets from the command line: Vert.x, the folders it may read, and a place
 * to register what must be closed when the command ends.
 */
public final class ExampleContext implements AutoCloseable {

  private final Vertx vertx;
  private final Path root;
  private final @Nullable Path docs;
  private final @Nullable OpenRouterClient client;
  private @Nullable OpenRouterClient onlineClient;
  private final List<AutoCloseable> resources = new ArrayList<>();

  /**
   * Creates a context.
   *
   * @param vertx the command's Vert.x instance
   * @param root the folder the {@code files} example may read ({@code --root})
   * @param docs the folder the {@code rag} example searches ({@code --docs}), or null for samples
   */
  public ExampleContext(Vertx vertx, Path root, @Nullable Path docs) {
    this(vertx, root, docs, null);
  }

  /**
   * Creates a context whose examples may build agents of their own (sub-agents, handoff targets).
   *
   * @param vertx the command's Vert.x instance
   * @param root the folder the {@code files} example may read ({@code --root})
   * @param docs the folder the {@code rag} example searches ({@code --docs}), or null for samples
   * @param client the command's OpenRouter client (or the simulator's), or null
   */
  public ExampleContext(
      Vertx vertx, Path root, @Nullable Path docs, @Nullable OpenRouterClient client) {
    this.vertx = Objects.requireNonNull(vertx, "vertx == null");
    this.root = Objects.requireNonNull(root, "root == null");
    this.docs = docs;
    this.client = client;
  }

  /**
   * The command's OpenRouter client, for examples that create agents of their own.
   *
   * @throws IllegalStateException when the context was made without one
   */
  public OpenRouterClient client() {
    if (client == null) {
      throw new IllegalStateException("this example needs a client: make the context with one");
    }
    return client;
  }

  /** The command's Vert.x instance. */
  public Vertx vertx() {
    return vertx;
  }

  /** The sandbox root of the {@code files} example. */
  public Path root() {
    return root;
  }

  /** The document folder of the {@code rag} example, or null to use the bundled samples. */
  public @Nullable Path docs() {
    return docs;
  }

  /**
   * The client of an online run (a key or {@code --base-url}, no {@code --offline}), for extras
   * such as embeddings; null offline, where examples must not need it.
   */
  public @Nullable OpenRouterClient onlineClient() {
    return onlineClient;
  }

  /** Sets the {@link #onlineClient()}; returns this. */
  public ExampleContext setOnlineClient(@Nullable OpenRouterClient client) {
    this.onlineClient = client;
    return this;
  }

  /** Registers a resource to close when the command ends; returns it. */
  public <T extends AutoCloseable> T closeLater(T resource) {
    resources.add(Objects.requireNonNull(resource, "resource == null"));
    return resource;
  }

  /** Closes the registered resources, last first, ignoring their failures. */
  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception ignored) {
        // Closing is best effort at exit; a failure here must not hide the run's outcome.
      }
    }
    resources.clear();
  }
}
