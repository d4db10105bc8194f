package dev.agentloop.openrouter.impl;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP response: status, headers and the whole body.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param body the body
 */
public record BufferedResponse(int statusCode, MultiMap headers, Buffer body) {

  /** Returns a header value, or null. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }
}
