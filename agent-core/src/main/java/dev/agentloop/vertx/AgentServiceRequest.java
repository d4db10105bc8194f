package dev.agentloop.vertx;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to an agent behind an event-bus address or an HTTP route.
 *
 * <p>Its JSON form is {@code {"prompt": "…", "conversationId": "…", "outputSchema": {…},
 * "eventsAddress": "…"}}, where only {@code prompt} is required.
 *
 * @param prompt the user turn
 * @param conversationId continues the server-side conversation with this id (created on first use,
 *     at most {@value #MAX_ID_LENGTH} characters); null runs without memory
 * @param outputSchema asks for a structured answer matching this JSON schema; or null
 * @param eventsAddress an event-bus address the run's events are published to while it runs, as
 *     {@link AgentJson#toJson(dev.agentloop.agent.AgentEvent)}; or null for none
 */
public record AgentServiceRequest(
    String prompt,
    @Nullable String conversationId,
    @Nullable JsonObject outputSchema,
    @Nullable String eventsAddress) {

  /** Longest accepted conversation id: {@value}. */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException when the prompt is blank or the conversation id too long
   */
  public AgentServiceRequest {
    Objects.requireNonNull(prompt, "prompt == null");
    if (prompt.isBlank()) {
      throw new IllegalArgumentException("prompt must not be blank");
    }
    if (conversationId != null
        && (conversationId.isEmpty() || conversationId.length() > MAX_ID_LENGTH)) {
      throw new IllegalArgumentException(
          "conversationId must have 1 to "
              + MAX_ID_LENGTH
              + " characters: "
              + conversationId.length());
    }
  }

  /** Creates a request with just a prompt. */
  public static AgentServiceRequest of(String prompt) {
    return new AgentServiceRequest(prompt, null, null, null);
  }

  /** Returns a copy continuing the given conversation. */
  public AgentServiceRequest withConversationId(@Nullable String conversationId) {
    return new AgentServiceRequest(prompt, conversationId, outputSchema, eventsAddress);
  }

  /** Returns a copy asking for a structured answer matching the schema. */
  public AgentServiceRequest withOutputSchema(@Nullable JsonObject outputSchema) {
    return new AgentServiceRequest(prompt, conversationId, outputSchema, eventsAddress);
  }

  /** Returns a copy publishing the run's events to the address. */
  public AgentServiceRequest withEventsAddress(@Nullable String eventsAddress) {
    return new AgentServiceRequest(prompt, conversationId, outputSchema, eventsAddress);
  }

  /** Returns the JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("prompt", prompt);
    if (conversationId != null) {
      json.put("conversationId", conversationId);
    }
    if (outputSchema != null) {
      json.put("outputSchema", outputSchema);
    }
    if (eventsAddress != null) {
      json.put("eventsAddress", eventsAddress);
    }
    return json;
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException naming the offending field when the JSON is not a request
   */
  public static AgentServiceRequest fromJson(@Nullable JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("the request must be a JSON object with a prompt");
    }
    return new AgentServiceRequest(
        string(json, "prompt", true),
        string(json, "conversationId", false),
        object(json, "outputSchema"),
        string(json, "eventsAddress", false));
  }

  private static @Nullable String string(JsonObject json, String key, boolean required) {
    Object value = json.getValue(key);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException(
          "'" + key + "' must be a string: " + (value == null ? "missing" : value));
    }
    return s;
  }

  private static @Nullable JsonObject object(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof JsonObject)) {
      throw new IllegalArgumentException("'" + key + "' must be a JSON object: " + value);
    }
    return (JsonObject) value;
  }
}
