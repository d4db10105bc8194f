package dev.agentloop.vertx.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.internal.Json;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code POST /v1/chat/completions} body: the agent, the caller's conversation, and the
 * options of the answer.
 *
 * @param model the agent's name
 * @param agent the agent
 * @param history the messages before the last one
 * @param user the last message, a user message
 * @param stream whether the answer streams
 * @param includeUsage whether a streamed answer ends with a usage chunk
 * @param schema the {@code json_schema} of the answer, or null
 * @param parameters the caller's sampling parameters, overriding the agent's for this run, or null
 */
record ChatCompletionRequest(
    String model,
    Agent agent,
    List<Message> history,
    Message user,
    boolean stream,
    boolean includeUsage,
    @Nullable JsonNode schema,
    @Nullable ChatParameters parameters) {

  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

  /**
   * OpenAI parameters this endpoint cannot honour: a request setting one gets 400 naming it rather
   * than an answer that silently ignored it.
   */
  private static final List<String> UNSUPPORTED =
      List.of(
          "logit_bias",
          "top_logprobs",
          "tool_choice",
          "parallel_tool_calls",
          "functions",
          "function_call",
          "audio",
          "modalities",
          "prediction",
          "web_search_options");

  /** A caller mistake, answered with 400 (404 for an unknown model) and the offending parameter. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final @Nullable String param;
    final @Nullable String code;

    BadRequest(String message, @Nullable String param, @Nullable String code) {
      super(message, null, false, false);
      this.param = param;
      this.code = code;
    }

    int status() {
      return "model_not_found".equals(code) ? 404 : 400;
    }
  }

  /**
   * Validates a body.
   *
   * @throws BadRequest naming the first offending parameter
   */
  static ChatCompletionRequest parse(@Nullable JsonObject body, Map<String, Agent> agents) {
    if (body == null) {
      throw new BadRequest("the body must be a JSON object", null, null);
    }
    Object model = body.getValue("model");
    if (!(model instanceof String name)) {
      throw new BadRequest("'model' must name an agent", "model", null);
    }
    Agent agent = agents.get(name);
    if (agent == null) {
      throw new BadRequest("the model '" + name + "' does not exist", "model", "model_not_found");
    }
    JsonArray tools = body.getValue("tools") instanceof JsonArray a ? a : null;
    if (tools != null && !tools.isEmpty()) {
      throw unsupported("tools", "this endpoint runs the agent's own tools");
    }
    for (String param : UNSUPPORTED) {
      if (body.getValue(param) != null) {
        throw unsupported(param, "this endpoint does not support it");
      }
    }
    if (Boolean.TRUE.equals(body.getValue("logprobs"))) {
      throw unsupported("logprobs", "this endpoint does not support it");
    }
    checkN(body.getValue("n"));
    Object raw = body.getValue("messages");
    if (!(raw instanceof JsonArray array) || array.isEmpty()) {
      throw new BadRequest("'messages' must be a non-empty array", "messages", null);
    }
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      messages.add(message(array.getValue(i), "messages[" + i + "]"));
    }
    Message user = messages.remove(messages.size() - 1);
    if (!user.role().equals("user")) {
      throw new BadRequest(
          "the last message must be a user message",
          "messages[" + messages.size() + "].role",
          null);
    }
    Object stream = body.getValue("stream", false);
    if (!(stream instanceof Boolean streamed)) {
      throw new BadRequest("'stream' must be a boolean", "stream", null);
    }
    return new ChatCompletionRequest(
        name,
        agent,
        messages,
        user,
        streamed,
        includeUsage(body),
        schema(body),
        ClientParameters.parse(body));
  }

  private static BadRequest unsupported(String param, String why) {
    return new BadRequest(
        "unsupported parameter '" + param + "': " + why, param, "unsupported_parameter");
  }

  private static void checkN(@Nullable Object n) {
    if (n == null) {
      return;
    }
    if (!(n instanceof Integer || n instanceof Long)) {
      throw new BadRequest("'n' must be an integer: " + n, "n", null);
    }
    if (((Number) n).longValue() != 1) {
      throw new BadRequest(
          "this endpoint answers with exactly one choice; 'n' must be 1: " + n,
          "n",
          "unsupported_parameter");
    }
  }

  private static boolean includeUsage(JsonObject body) {
    Object options = body.getValue("stream_options");
    if (options == null) {
      return false;
    }
    if (!(options instanceof JsonObject json)) {
      throw new BadRequest("'stream_options' must be an object", "stream_options", null);
    }
    Object include = json.getValue("include_usage", false);
    if (!(include instanceof Boolean b)) {
      throw new BadRequest(
          "'stream_options.include_usage' must be a boolean", "stream_options.include_usage", null);
    }
    return b;
  }

  private static Message message(@Nullable Object value, String param) {
    if (!(value instanceof JsonObject json) || !(json.getValue("role") instanceof String role)) {
      throw new BadRequest("each message must be an object with a 'role'", param, null);
    }
    if (!ROLES.contains(role)) {
      throw new BadRequest(
          "unsupported role '" + role + "': use system, developer, user or assistant",
          param + ".role",
          null);
    }
    if (json.containsKey("tool_calls")) {
      throw new BadRequest(
          "messages with client-side tool calls are not supported",
          param + ".tool_calls",
          "unsupported_parameter");
    }
    checkContent(json.getValue("content"), param + ".content");
    try {
      return Json.MAPPER.readValue(json.encode(), Message.class);
    } catch (Exception e) {
      throw new BadRequest(
          "the message is malformed: its content must be a string or an array of parts",
          param + ".content",
          null);
    }
  }

  /** Checks the shape before Jackson sees it: Jackson would coerce {@code 42} to {@code "42"}. */
  private static void checkContent(@Nullable Object content, String param) {
    if (content == null) {
      throw new BadRequest("'" + param + "' is required", param, null);
    }
    if (content instanceof String) {
      return;
    }
    if (!(content instanceof JsonArray parts) || parts.isEmpty()) {
      throw new BadRequest(
          "'" + param + "' must be a string or a non-empty array of content parts: " + content,
          param,
          null);
    }
    for (int i = 0; i < parts.size(); i++) {
      String at = param + "[" + i + "]";
      if (!(parts.getValue(i) instanceof JsonObject part)
          || !(part.getValue("type") instanceof String type)) {
        throw new BadRequest("'" + at + "' must be an object with a 'type'", at, null);
      }
      if (type.equals("text") && !(part.getValue("text") instanceof String)) {
        throw new BadRequest("'" + at + ".text' must be a string", at + ".text", null);
      }
    }
  }

  private static @Nullable JsonNode schema(JsonObject body) {
    Object value = body.getValue("response_format");
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject format)
        || !(format.getValue("type") instanceof String type)) {
      throw new BadRequest(
          "'response_format' must be an object with a 'type'", "response_format", null);
    }
    switch (type) {
      case "text":
        return null;
      case "json_schema":
        break;
      default:
        throw new BadRequest(
            "unsupported 'response_format.type': use text or json_schema: " + type,
            "response_format",
            "unsupported_parameter");
    }
    JsonObject jsonSchema = format.getJsonObject("json_schema");
    JsonObject schema = jsonSchema == null ? null : jsonSchema.getJsonObject("schema");
    if (schema == null) {
      throw new BadRequest(
          "'response_format.json_schema.schema' must be a JSON schema object",
          "response_format",
          null);
    }
    try {
      return Json.MAPPER.readTree(schema.encode());
    } catch (Exception e) {
      throw new BadRequest("the response schema is malformed", "response_format", null);
    }
  }
}
