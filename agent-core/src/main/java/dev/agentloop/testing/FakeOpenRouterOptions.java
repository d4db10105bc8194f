package dev.agentloop.testing;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link FakeOpenRouter}. Mutable, Vert.x style; the server copies the options it is
 * given.
 */
public class FakeOpenRouterOptions {

  /** Default listening host: {@value}, loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default port: {@value}, an ephemeral port. Automated tests should always use port 0. */
  public static final int DEFAULT_PORT = 0;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private @Nullable String apiKey;

  /** Creates options with the defaults. */
  public FakeOpenRouterOptions() {}

  /** Creates a copy of {@code other}. */
  public FakeOpenRouterOptions(FakeOpenRouterOptions other) {
    this.host = other.host;
    this.port = other.port;
    this.apiKey = other.apiKey;
  }

  /** Listening host. */
  public String getHost() {
    return host;
  }

  /** Sets the listening host; keep the loopback default unless a remote client must connect. */
  public FakeOpenRouterOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host == null");
    return this;
  }

  /** Listening port; 0 picks a free one. */
  public int getPort() {
    return port;
  }

  /** Sets the listening port, 0 for an ephemeral port. */
  public FakeOpenRouterOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
    }
    this.port = port;
    return this;
  }

  /** The API key requests must present, or null to accept any request. */
  public @Nullable String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the API key that requests must send as {@code Authorization: Bearer <key>}; others get a
   * 401 in OpenRouter's error format. Null (the default) disables the check.
   */
  public FakeOpenRouterOptions setApiKey(@Nullable String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /** Returns the options as JSON; the API key is never included. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("apiKeyRequired", apiKey != null);
  }

  @Override
  public String toString() {
    return "FakeOpenRouterOptions" + toJson().encode();
  }
}
