package dev.agentloop.observe.impl;

import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ExchangeListener;

/**
 * The telemetry of one model request: an {@link ExchangeListener} for its HTTP attempts (each gets
 * a {@code chat} span), plus the first streamed chunk and the outcome. This base class records
 * nothing ({@link #NOOP}).
 */
public class ChatTelemetry implements ExchangeListener {

  /** Records nothing. */
  public static final ChatTelemetry NOOP = new ChatTelemetry();

  ChatTelemetry() {}

  /** The listener to give the client: {@link ExchangeListener#NOOP} when nothing is recorded. */
  public ExchangeListener listener() {
    return ExchangeListener.NOOP;
  }

  /** The first chunk of a stream arrived. */
  public void firstChunk() {}

  /** The request succeeded with this response. */
  public void succeeded(ChatResponse response) {}

  /** The request failed for good. */
  public void failed(Throwable error) {}
}
