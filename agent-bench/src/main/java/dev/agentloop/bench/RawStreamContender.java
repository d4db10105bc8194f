package dev.agentloop.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

/**
 * The streaming baseline: a bare Vert.x {@link HttpClientAgent} asking for {@code "stream":true},
 * splitting the response into lines as buffers arrive, parsing each {@code data:} chunk's JSON and
 * joining the content deltas and the tool call's argument fragments. The request is built by
 * appending text, as in {@link RawContender}. The least a real streaming client must do.
 */
final class RawStreamContender implements AsyncContender {

  private static final String STREAM_TAIL =
      RawContender.REQUEST_TAIL.substring(0, RawContender.REQUEST_TAIL.length() - 1)
          + ",\"stream\":true}";

  private final HttpClientAgent client;
  private final RequestOptions request;

  RawStreamContender(Vertx vertx, String baseUrl, int concurrency) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setKeepAlive(true)
            .setPipelining(false)
            .setTcpNoDelay(true)
            .setDecompressionSupported(false);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(BenchClient.poolSize(concurrency));
    this.client = vertx.createHttpClient(options, pool);
    this.request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(baseUrl + "/chat/completions")
            .putHeader("content-type", "application/json")
            .putHeader("authorization", "Bearer bench");
  }

  @Override
  public Future<String> converse() {
    StringBuilder messages = new StringBuilder(1024).append(RawContender.USER_MESSAGE);
    return step(messages, 0);
  }

  private Future<String> step(StringBuilder messages, int steps) {
    if (steps == RawContender.MAX_STEPS) {
      return Future.failedFuture("no final answer after " + steps + " steps");
    }
    Buffer body = Buffer.buffer(RawContender.REQUEST_HEAD + messages + STREAM_TAIL);
    return client
        .request(request)
        .compose(req -> req.send(body))
        .compose(this::read)
        .compose(answer -> next(messages, steps, answer));
  }

  /** What one streamed answer came to. */
  private static final class Answer {
    final StringBuilder content = new StringBuilder();
    final StringBuilder arguments = new StringBuilder();
    String callId;
    String toolName;
  }

  private Future<Answer> read(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      return Future.failedFuture("HTTP " + response.statusCode());
    }
    Answer answer = new Answer();
    Promise<Answer> done = Promise.promise();
    RecordParser lines = RecordParser.newDelimited("\n", line -> chunk(line, answer));
    response.handler(lines);
    response.exceptionHandler(done::tryFail);
    response.endHandler(v -> done.tryComplete(answer));
    return done.future();
  }

  private static void chunk(Buffer line, Answer answer) {
    if (line.length() < 6 || line.getByte(0) != 'd' || line.getByte(5) != ' ') {
      return;
    }
    Buffer data = line.slice(6, line.length());
    if (data.length() == 6 && data.toString().equals("[DONE]")) {
      return;
    }
    JsonArray choices = new JsonObject(data).getJsonArray("choices");
    if (choices == null || choices.isEmpty()) {
      return;
    }
    JsonObject delta = choices.getJsonObject(0).getJsonObject("delta");
    String content = delta.getString("content");
    if (content != null) {
      answer.content.append(content);
    }
    JsonArray calls = delta.getJsonArray("tool_calls");
    if (calls != null) {
      JsonObject call = calls.getJsonObject(0);
      if (call.getString("id") != null) {
        answer.callId = call.getString("id");
      }
      JsonObject function = call.getJsonObject("function");
      if (function.getString("name") != null) {
        answer.toolName = function.getString("name");
      }
      String arguments = function.getString("arguments");
      if (arguments != null) {
        answer.arguments.append(arguments);
      }
    }
  }

  private Future<String> next(StringBuilder messages, int steps, Answer answer) {
    if (answer.callId == null) {
      return Future.succeededFuture(answer.content.toString());
    }
    messages
        .append(",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"")
        .append(answer.callId)
        .append("\",\"type\":\"function\",\"function\":{\"name\":\"")
        .append(answer.toolName)
        .append("\",\"arguments\":")
        .append(Json.encode(answer.arguments.toString()))
        .append("}}]},{\"role\":\"tool\",\"tool_call_id\":\"")
        .append(answer.callId)
        .append("\",\"content\":\"")
        .append(Script.TOOL_RESULT)
        .append("\"}");
    return step(messages, steps + 1);
  }

  @Override
  public void close() {
    client.close();
  }
}
