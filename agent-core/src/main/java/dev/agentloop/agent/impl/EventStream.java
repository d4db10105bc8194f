package dev.agentloop.agent.impl;

import dev.agentloop.agent.AgentEvent;
import dev.agentloop.internal.Contexts;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The events of one run as a {@link ReadStream}. Events are buffered until a handler is set and
 * while the stream is paused, and always delivered on the run's context, in order.
 */
final class EventStream implements ReadStream<AgentEvent> {

  private final Context context;
  private final ArrayDeque<AgentEvent> queue = new ArrayDeque<>();
  private @Nullable Handler<AgentEvent> handler;
  private @Nullable Handler<Void> endHandler;
  private long demand = Long.MAX_VALUE;
  private boolean ended;
  private boolean endDelivered;
  private boolean draining;

  EventStream(Context context) {
    this.context = context;
  }

  /** Adds an event; called on the run's context. */
  void write(AgentEvent event) {
    synchronized (this) {
      queue.add(event);
    }
    drain();
  }

  /** Ends the stream after the buffered events; called on the run's context. */
  void end() {
    synchronized (this) {
      ended = true;
    }
    drain();
  }

  @Override
  public synchronized ReadStream<AgentEvent> exceptionHandler(@Nullable Handler<Throwable> h) {
    // Runs never fail the event stream: failures arrive as RunFailed events.
    return this;
  }

  @Override
  public ReadStream<AgentEvent> handler(@Nullable Handler<AgentEvent> h) {
    synchronized (this) {
      handler = h;
    }
    scheduleDrain();
    return this;
  }

  @Override
  public synchronized ReadStream<AgentEvent> pause() {
    demand = 0;
    return this;
  }

  @Override
  public ReadStream<AgentEvent> resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public ReadStream<AgentEvent> fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("amount must be >= 0: " + amount);
    }
    synchronized (this) {
      demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    }
    scheduleDrain();
    return this;
  }

  @Override
  public ReadStream<AgentEvent> endHandler(@Nullable Handler<Void> h) {
    synchronized (this) {
      endHandler = h;
    }
    scheduleDrain();
    return this;
  }

  private void scheduleDrain() {
    Contexts.run(context, this::drain);
  }

  private void drain() {
    synchronized (this) {
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      while (true) {
        AgentEvent next;
        Handler<AgentEvent> h;
        Handler<Void> end = null;
        synchronized (this) {
          h = handler;
          if (h != null && demand > 0 && !queue.isEmpty()) {
            next = queue.poll();
            if (demand != Long.MAX_VALUE) {
              demand--;
            }
          } else {
            next = null;
            if (ended && queue.isEmpty() && !endDelivered && endHandler != null) {
              endDelivered = true;
              end = endHandler;
            }
          }
        }
        if (next != null) {
          h.handle(next);
        } else {
          if (end != null) {
            end.handle(null);
          }
          return;
        }
      }
    } finally {
      synchronized (this) {
        draining = false;
      }
    }
  }
}
