package dev.agentloop.testing.impl;

import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.testing.impl.Cassette.Exchange;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Answers requests with the exchanges of a cassette, strictly in recorded order. */
public final class CassettePlayer {

  private final List<Exchange> exchanges;
  private final boolean matchBody;
  private final String basePath;
  private int next;

  /** Creates a player; {@code basePath} is stripped from request paths before matching. */
  public CassettePlayer(List<Exchange> exchanges, boolean matchBody, String basePath) {
    this.exchanges = List.copyOf(exchanges);
    this.matchBody = matchBody;
    this.basePath = basePath;
  }

  /**
   * Returns the recorded response of the next exchange, or a 500 error explaining the mismatch or
   * that the cassette is used up. A mismatch does not consume the exchange.
   */
  public synchronized MockResponse answer(RecordedRequest request) {
    String path =
        request.path().startsWith(basePath)
            ? request.path().substring(basePath.length())
            : request.path();
    if (!request.query().isEmpty()) {
      path += "?" + request.query();
    }
    if (next >= exchanges.size()) {
      return error(
          "cassette exhausted: all "
              + exchanges.size()
              + " recorded exchanges were replayed, but got "
              + request.method()
              + " "
              + path);
    }
    Exchange expected = exchanges.get(next);
    String why = Cassette.mismatch(expected, path, request, matchBody);
    if (why != null) {
      return error(
          "cassette mismatch at exchange #" + (next + 1) + " of " + exchanges.size() + ": " + why);
    }
    next++;
    return expected.toResponse();
  }

  private static MockResponse error(String message) {
    return MockResponse.error(500, message, new JsonObject().put("error_type", "server"));
  }
}
