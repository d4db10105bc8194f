package dev.agentloop.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The baseline: a bare Vert.x {@link WebClient} doing the same HTTP exchanges as an agent with the
 * least possible work. The request JSON is built by appending text, the response is scanned for the
 * few fields the loop needs, and the tool "runs" without argument parsing. This is the limit of
 * this machine for the conversation, not a usable client.
 */
final class RawContender implements AsyncContender {

  static final String REQUEST_HEAD = "{\"model\":\"" + Script.MODEL + "\",\"messages\":[";
  static final String REQUEST_TAIL =
      "],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
          + "\"description\":\"Current weather for a city\",\"parameters\":{\"type\":\"object\","
          + "\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"City name\"}},"
          + "\"required\":[\"city\"],\"additionalProperties\":false}}}],"
          + "\"usage\":{\"include\":true}}";
  static final String USER_MESSAGE =
      "{\"role\":\"user\",\"content\":\"" + Script.USER_PROMPT + "\"}";
  static final int MAX_STEPS = 10;

  private final WebClient client;
  private final String url;

  RawContender(Vertx vertx, String baseUrl, int concurrency) {
    WebClientOptions options =
        new WebClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setKeepAlive(true)
            .setPipelining(false)
            .setTcpNoDelay(true)
            .setDecompressionSupported(false);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(BenchClient.poolSize(concurrency));
    this.client = WebClient.create(vertx, options, pool);
    this.url = baseUrl + "/chat/completions";
  }

  @Override
  public Future<String> converse() {
    StringBuilder messages = new StringBuilder(1024).append(USER_MESSAGE);
    return step(messages, 0);
  }

  private Future<String> step(StringBuilder messages, int steps) {
    if (steps == MAX_STEPS) {
      return Future.failedFuture("no final answer after " + MAX_STEPS + " steps");
    }
    String body = REQUEST_HEAD + messages + REQUEST_TAIL;
    return client
        .postAbs(url)
        .putHeader("content-type", "application/json")
        .putHeader("authorization", "Bearer bench")
        .sendBuffer(Buffer.buffer(body))
        .compose(response -> next(messages, steps, response));
  }

  private Future<String> next(StringBuilder messages, int steps, HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      return Future.failedFuture("HTTP " + response.statusCode());
    }
    String json = response.bodyAsString();
    int message = json.indexOf("\"message\":");
    if (message < 0) {
      return Future.failedFuture("no message in response");
    }
    int from = json.indexOf('{', message);
    int to = objectEnd(json, from);
    int calls = json.indexOf("\"tool_calls\"", from);
    if (calls < 0 || calls > to) {
      int content = json.indexOf("\"content\":\"", from);
      if (content < 0) {
        return Future.failedFuture("no content in final answer");
      }
      int start = content + 11;
      return Future.succeededFuture(json.substring(start, json.indexOf('"', start)));
    }
    int idStart = json.indexOf("\"id\":\"", calls) + 6;
    String callId = json.substring(idStart, json.indexOf('"', idStart));
    messages
        .append(',')
        .append(json, from, to + 1)
        .append(",{\"role\":\"tool\",\"tool_call_id\":\"")
        .append(callId)
        .append("\",\"content\":\"")
        .append(Script.TOOL_RESULT)
        .append("\"}");
    return step(messages, steps + 1);
  }

  /** Index of the brace closing the object that opens at {@code from}, skipping strings. */
  private static int objectEnd(String json, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return json.length() - 1;
  }

  @Override
  public void close() {
    client.close();
  }
}
