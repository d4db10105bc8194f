package dev.agentloop.openrouter.impl;

import dev.agentloop.openrouter.OpenRouterOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;

/**
 * Creates the Vert.x HTTP client from {@link OpenRouterOptions}.
 *
 * <p>Over TLS with HTTP/2 on, ALPN offers {@code h2} and {@code http/1.1}; the server picks. On an
 * HTTP/2 connection the pool multiplexes up to the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}
 * per connection, opens at most {@code http2PoolSize} connections, and parks further requests in
 * its wait queue, which is unbounded ({@code maxWaitQueueSize = -1}) so that a burst queues and
 * never fails. The {@link RequestLimiter} bounds that queue from above when configured.
 */
final class HttpClientFactory {

  private HttpClientFactory() {}

  static HttpClientAgent create(Vertx vertx, OpenRouterOptions options) {
    boolean tls = options.getBaseUrl().startsWith("https:");
    HttpClientOptions http =
        new HttpClientOptions()
            .setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, options.getConnectTimeout().toMillis()))
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setDecompressionSupported(true);
    if (tls) {
      http.setSsl(true);
      if (options.isHttp2()) {
        http.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true);
      }
    } else if (options.isHttp2() && options.isHttp2PriorKnowledge()) {
      http.setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
    }
    PoolOptions pool =
        new PoolOptions()
            .setHttp1MaxSize(options.getHttp1PoolSize())
            .setHttp2MaxSize(options.getHttp2PoolSize())
            .setMaxWaitQueueSize(-1);
    return vertx.createHttpClient(http, pool);
  }
}
