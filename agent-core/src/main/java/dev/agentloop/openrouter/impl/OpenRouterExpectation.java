package dev.agentloop.openrouter.impl;

import dev.agentloop.openrouter.OpenRouterException;
import io.vertx.core.Expectation;

/**
 * An {@link Expectation} that accepts 2xx responses and describes any other as an {@link
 * OpenRouterException} built from the status, the {@code Retry-After} header and the error body.
 * Used with {@code future.expecting(...)}, like Vert.x's {@code HttpResponseExpectation}.
 */
public final class OpenRouterExpectation implements Expectation<BufferedResponse> {

  private final ErrorMapper errors;

  /** Creates the expectation. */
  public OpenRouterExpectation(ErrorMapper errors) {
    this.errors = errors;
  }

  @Override
  public boolean test(BufferedResponse response) {
    return response.statusCode() >= 200 && response.statusCode() < 300;
  }

  @Override
  public OpenRouterException describe(BufferedResponse response) {
    return errors.fromHttp(response.statusCode(), response.header("Retry-After"), response.body());
  }
}
