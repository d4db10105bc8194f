package dev.agentloop.vertx.impl;

import dev.agentloop.agent.AgentRunException;
import dev.agentloop.memory.ConversationConflictException;
import dev.agentloop.openrouter.OpenRouterException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Maps run failures to a status, an error type and code, and a message that is safe to show to a
 * remote caller. Upstream messages are never passed on: OpenRouter's error text may describe the
 * server's credentials or configuration, which the caller must not learn.
 */
public final class Failures {

  private Failures() {}

  /**
   * A failure as a caller sees it.
   *
   * @param status an HTTP status (also used as the event-bus failure code)
   * @param type the OpenAI error type, e.g. {@code invalid_request_error}
   * @param code a short machine-readable code, or null
   * @param message the message, safe to show
   * @param retryable whether sending the same request again can succeed; when false, responses
   *     carry {@code x-should-retry: false} so OpenAI SDKs do not run the agent again
   */
  public record Failure(
      int status, String type, @Nullable String code, String message, boolean retryable) {

    /** A failure whose retryability follows its status: 408, 409, 429 and 5xx are retryable. */
    public Failure(int status, String type, @Nullable String code, String message) {
      this(
          status,
          type,
          code,
          message,
          status == 408 || status == 409 || status == 429 || status >= 500);
    }

    /** Returns the OpenAI error shape: {@code {"error": {message, type, param, code}}}. */
    public JsonObject toJson(@Nullable String param) {
      return new JsonObject()
          .put(
              "error",
              new JsonObject()
                  .put("message", message)
                  .put("type", type)
                  .put("param", param)
                  .put("code", code));
    }
  }

  /** Returns a safe, human-readable description of a failure. */
  public static String describe(Throwable error) {
    return of(error).message();
  }

  /** A bad request (400) with the given message. */
  public static Failure invalid(String message, @Nullable String code) {
    return new Failure(400, "invalid_request_error", code, message);
  }

  /** Maps a failure to what the caller sees. */
  public static Failure of(Throwable error) {
    if (error instanceof ReplyException reply) {
      int code = reply.failureCode();
      return new Failure(
          code > 0 ? code : 502,
          code == 400 ? "invalid_request_error" : code == 422 ? "agent_error" : "server_error",
          null,
          String.valueOf(reply.getMessage()));
    }
    if (error instanceof IllegalArgumentException) {
      return invalid(String.valueOf(error.getMessage()), null);
    }
    OpenRouterException upstream = upstream(error);
    if (upstream != null) {
      return upstream(upstream);
    }
    if (error instanceof AgentRunException run
        && run.result().error() instanceof ConversationConflictException) {
      return new Failure(
          409,
          "invalid_request_error",
          "conversation_conflict",
          "another request continued this conversation at the same time; send the message again",
          false);
    }
    if (error instanceof AgentRunException run) {
      // The agent ran and could not answer: the same request would fail the same way, at the same
      // cost, so this is a 422 that SDKs do not retry.
      String reason = run.stopReason().name().toLowerCase(Locale.ROOT);
      return new Failure(
          422,
          "agent_error",
          reason,
          switch (run.stopReason()) {
            case MAX_ITERATIONS -> "the agent reached its iteration cap without an answer";
            case OUTPUT_INVALID -> "the agent's structured answer stayed invalid after repairs";
            default -> "the agent's run stopped: " + run.stopReason();
          },
          false);
    }
    return new Failure(500, "server_error", null, "the agent failed with an internal error", false);
  }

  private static Failure upstream(OpenRouterException e) {
    String code = "upstream_" + e.kind().name().toLowerCase(Locale.ROOT);
    return switch (e.kind()) {
      case CONTEXT_TOO_LONG ->
          new Failure(
              400,
              "invalid_request_error",
              "context_length_exceeded",
              "the conversation is too long for the agent's model");
      case RATE_LIMITED ->
          new Failure(
              503,
              "server_error",
              code,
              "the agent's model provider is rate limiting this server; retry later");
      case TIMEOUT ->
          new Failure(
              504, "server_error", code, "the agent's model provider did not answer in time");
      case BAD_REQUEST ->
          new Failure(
              400,
              "invalid_request_error",
              code,
              "the agent's model provider rejected the request; check its parameters");
      case AUTH, INSUFFICIENT_CREDITS, FORBIDDEN, NOT_FOUND ->
          new Failure(
              502,
              "server_error",
              code,
              "the agent's model provider refused this server's request ("
                  + e.kind()
                  + "); the server's operator should check its configuration",
              false);
      default ->
          new Failure(
              502, "server_error", code, "the agent's model provider failed (" + e.kind() + ")");
    };
  }

  private static @Nullable OpenRouterException upstream(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof OpenRouterException e) {
        return e;
      }
    }
    return null;
  }
}
