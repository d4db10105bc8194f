package dev.agentloop.bench;

/** A contender whose conversations block the calling thread (one thread per concurrent run). */
interface BlockingContender extends AutoCloseable {

  /** Runs one scripted conversation and returns the model's final answer. */
  String converse() throws Exception;

  @Override
  default void close() {}
}
