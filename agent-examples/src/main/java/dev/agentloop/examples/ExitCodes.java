package dev.agentloop.examples;

import dev.agentloop.agent.AgentRunException;
import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.OpenRouterException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * The exit codes of {@code agentloop}, and how failures map to them and to a message that says what
 * to do.
 */
public final class ExitCodes {

  /** The model answered (or the command did its job). */
  public static final int OK = 0;

  /** An unexpected internal failure (a bug): the stack trace is printed with {@code --verbose}. */
  public static final int INTERNAL = 1;

  /**
   * A usage error: bad options or arguments, an unknown example, or {@code research} without a key
   * (it needs a real model and the network).
   */
  public static final int USAGE = 2;

  /** OpenRouter (or the {@code --base-url} server) failed, or the network did. */
  public static final int API = 3;

  /** The run was stopped before an answer: iteration cap, budget, timeout, or call limits. */
  public static final int STOPPED = 4;

  private ExitCodes() {}

  /** Returns the exit code of a run that ended with {@code reason}. */
  public static int of(StopReason reason) {
    return switch (reason) {
      case COMPLETED -> OK;
      case API_ERROR -> API;
      case INTERNAL_ERROR -> INTERNAL;
      default -> STOPPED;
    };
  }

  /** Returns the exit code for a failure thrown by a command. */
  public static int of(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof AgentRunException run) {
      return of(run.stopReason());
    }
    if (e instanceof OpenRouterException) {
      return API;
    }
    return INTERNAL;
  }

  /** Returns one or two lines explaining the failure and what to do about it. */
  public static String message(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof AgentRunException run && run.stopReason() != StopReason.API_ERROR) {
      return "stopped: " + stopMessage(run.stopReason()) + " (" + run.getMessage() + ")";
    }
    OpenRouterException api = apiError(e);
    if (api != null) {
      return "error: " + api.getMessage() + "\n" + advice(api);
    }
    return "error: " + e;
  }

  /** Returns what a stop reason means for the user, and which option changes it. */
  public static String stopMessage(StopReason reason) {
    return switch (reason) {
      case MAX_ITERATIONS ->
          "the iteration cap was reached before the model answered;" + " raise --max-iterations";
      case DEADLINE -> "the run took longer than --timeout";
      case BUDGET_EXCEEDED -> "the cost or token budget was used up";
      case TOOL_CALL_LIMIT -> "the model made too many tool calls";
      case OUTPUT_INVALID -> "the model's structured answer stayed invalid";
      case CANCELLED -> "the run was cancelled";
      case API_ERROR -> "OpenRouter failed";
      case MEMORY_ERROR -> "the conversation memory could not be read or saved";
      case INTERNAL_ERROR -> "the agent failed with an internal error (a bug; please report it)";
      case COMPLETED -> "completed";
      case AWAITING_APPROVAL ->
          "a call waits for a person's approval; serve the agent with --store to decide it";
      case STORE_ERROR -> "the run store refused or failed a journal write";
      case INPUT_GUARDRAIL -> "an input guardrail refused the request";
      case OUTPUT_GUARDRAIL -> "an output guardrail refused the answer";
      case TOOL_GUARDRAIL -> "a tool guardrail refused a tool call or its result";
      case HANDOFF_LIMIT -> "the agents handed the conversation on too often";
    };
  }

  private static String advice(OpenRouterException e) {
    return switch (e.kind()) {
      case INSUFFICIENT_CREDITS ->
          "  → the account is out of credits: add credits at"
              + " https://openrouter.ai/settings/credits, or pick a free model (--model ...:free)";
      case AUTH -> "  → check OPENROUTER_API_KEY (create a key at https://openrouter.ai/keys)";
      case RATE_LIMITED -> "  → rate limited: wait a moment, or use --fallback models";
      case NOT_FOUND -> "  → check --model (list models with: agentloop models --search TEXT)";
      case CONTEXT_TOO_LONG -> "  → the conversation is too long for the model: pick a larger one";
      case TRANSPORT, TIMEOUT -> "  → check your network connection and --base-url";
      case FORBIDDEN -> "  → the request was refused (moderation or key permissions)";
      default -> "  → try again, or another model with --model / --fallback";
    };
  }

  private static @Nullable OpenRouterException apiError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OpenRouterException api) {
        return api;
      }
    }
    return null;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
