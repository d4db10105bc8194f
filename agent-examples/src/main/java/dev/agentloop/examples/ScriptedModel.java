package dev.agentloop.examples;

import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for the examples' offline models: read what a chat request says (the last user turn, the
 * tool results that answer it) and write answers with plausible usage and cost.
 */
final class ScriptedModel {

  /** The offline price per token, as for {@code openai/gpt-4o-mini}: $0.15 / $0.60 per million. */
  private static final double PROMPT_PRICE = 0.15e-6;

  private static final double COMPLETION_PRICE = 0.60e-6;

  private ScriptedModel() {}

  /** Returns the text of the last user message, or an empty string. */
  static String userText(RecordedRequest request) {
    JsonArray messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonObject m = messages.getJsonObject(i);
      if ("user".equals(m.getString("role"))) {
        return text(m);
      }
    }
    return "";
  }

  /** Returns the text of the first user message, or an empty string. */
  static String firstUserText(RecordedRequest request) {
    for (Object o : request.messages()) {
      JsonObject m = (JsonObject) o;
      if ("user".equals(m.getString("role"))) {
        return text(m);
      }
    }
    return "";
  }

  /** Returns the tool messages after the last user message (the results of this turn's calls). */
  static List<JsonObject> toolResults(RecordedRequest request) {
    List<JsonObject> results = new ArrayList<>();
    for (Object o : request.messages()) {
      JsonObject m = (JsonObject) o;
      if ("user".equals(m.getString("role"))) {
        results.clear();
      } else if ("tool".equals(m.getString("role"))) {
        results.add(m);
      }
    }
    return results;
  }

  /** Returns the number of user messages in the request (turns of the conversation). */
  static int userTurns(RecordedRequest request) {
    return request.countMessages("user");
  }

  /** Returns a message's text: a string content, or its text parts joined. */
  static String text(JsonObject message) {
    Object content = message.getValue("content");
    if (content instanceof String s) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        if (p instanceof JsonObject part && "text".equals(part.getString("type"))) {
          sb.append(part.getString("text", ""));
        }
      }
    }
    return sb.toString();
  }

  /** Returns a final text answer, streamed in small pieces when the request streams. */
  static MockResponse answer(RecordedRequest request, String text) {
    return withUsage(request, MockChat.text(text).pieces(Math.max(1, text.length() / 16)), text)
        .toResponse();
  }

  /** Returns an answer calling the given tools, in order. */
  static MockResponse call(RecordedRequest request, MockChat.ToolCall... calls) {
    StringBuilder args = new StringBuilder();
    for (MockChat.ToolCall c : calls) {
      args.append(c.name()).append(c.arguments());
    }
    return withUsage(request, MockChat.toolCalls(calls), args.toString()).toResponse();
  }

  private static MockChat withUsage(RecordedRequest request, MockChat chat, String output) {
    // About four characters per token, as for English text with common tokenizers.
    int prompt = Math.max(1, request.bodyText().length() / 4);
    int completion = Math.max(1, output.length() / 4);
    double cost = prompt * PROMPT_PRICE + completion * COMPLETION_PRICE;
    String model = request.model();
    return chat.model(model == null ? MockChat.DEFAULT_MODEL : model)
        .usage(prompt, completion, cost);
  }
}
