package dev.agentloop.bench;

import io.vertx.core.Future;

/**
 * A contender whose conversations are non-blocking: started on an event loop, completed by a future
 * on the same context.
 */
interface AsyncContender extends AutoCloseable {

  /** Runs one scripted conversation; the future holds the model's final answer. */
  Future<String> converse();

  @Override
  default void close() {}
}
