package dev.agentloop.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host patterns are compared with the addresses a URL resolves to, so other spellings of a denied
 * address do not get through; patterns may name ports; IPv6 literal URLs work. Loopback only: the
 * tool is configured to allow loopback so that only the host lists decide.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class HttpFetchHostsTest {

  private HttpServer server;
  private int port;

  @BeforeEach
  void startServer(Vertx vertx) {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.response()
                        .putHeader("Content-Type", "text/plain")
                        .end("ok " + req.getHeader("Host")))
            .listen(0, "127.0.0.1")
            .await();
    port = server.actualPort();
  }

  @AfterEach
  void stopServer() {
    server.close().await();
  }

  private HttpFetch fetch(Vertx vertx, HttpFetchOptions options) {
    return new HttpFetch(vertx, options.setAllowLoopback(true));
  }

  private static Throwable failure(Future<?> future) {
    return assertThatThrownBy(future::await).actual();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2130706433", "[::ffff:127.0.0.1]", "127.0.0.1", "localhost"})
  void otherSpellingsOfADeniedAddressAreRefused(String host, Vertx vertx) {
    HttpFetch http = fetch(vertx, new HttpFetchOptions().addDeniedHost("127.0.0.1"));
    Throwable e = failure(http.get("http://" + host + ":" + port + "/", false));
    assertThat(e)
        .isInstanceOf(SecurityException.class)
        .hasMessageMatching(
            "refused: host \\S+ resolves to 127\\.0\\.0\\.1,"
                + " which matches denied host pattern 127\\.0\\.0\\.1");
  }

  @Test
  void aDeniedNameCoversItsAddressesAndItsSpellings(Vertx vertx) {
    HttpFetch http = fetch(vertx, new HttpFetchOptions().addDeniedHost("localhost"));
    assertThat(failure(http.get("http://127.0.0.1:" + port + "/", false)))
        .isInstanceOf(SecurityException.class)
        .hasMessage(
            "refused: host 127.0.0.1 resolves to 127.0.0.1, which matches denied host pattern"
                + " localhost");
    assertThat(failure(http.get("http://LocalHost.:" + port + "/", false)))
        .hasMessage("refused: host localhost matches denied host pattern localhost");
  }

  @Test
  void patternsMayNamePorts(Vertx vertx) {
    HttpFetch allowOne = fetch(vertx, new HttpFetchOptions().addAllowedHost("127.0.0.1:" + port));
    assertThat(allowOne.get("http://127.0.0.1:" + port + "/", false).await().text())
        .isEqualTo("ok 127.0.0.1:" + port);
    assertThat(failure(allowOne.get("http://127.0.0.1:1/", false)))
        .isInstanceOf(SecurityException.class)
        .hasMessage(
            "refused: host 127.0.0.1 port 1 is not in the allowed hosts [127.0.0.1:" + port + "]");
    HttpFetch denyOne = fetch(vertx, new HttpFetchOptions().addDeniedHost("localhost:" + port));
    assertThat(failure(denyOne.get("http://127.0.0.1:" + port + "/", false)))
        .hasMessageEndingWith("which matches denied host pattern localhost:" + port);
    HttpFetch denyOther = fetch(vertx, new HttpFetchOptions().addDeniedHost("localhost:1"));
    assertThat(denyOther.get("http://127.0.0.1:" + port + "/", false).await().status())
        .isEqualTo(200);
  }

  @Test
  void ipv6LiteralUrlsWorkWhenAllowed(Vertx vertx) {
    HttpServer v6;
    try {
      v6 =
          vertx
              .createHttpServer()
              .requestHandler(req -> req.response().end("v6 " + req.getHeader("Host")))
              .listen(0, "::1")
              .await();
    } catch (RuntimeException e) {
      Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
      return;
    }
    try {
      int p6 = v6.actualPort();
      HttpFetch http = fetch(vertx, new HttpFetchOptions().addAllowedHost("[::1]:" + p6));
      FetchResult r = http.get("http://[::1]:" + p6 + "/x", false).await();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("v6 [::1]:" + p6);
      assertThat(failure(fetch(vertx, new HttpFetchOptions().addDeniedHost("::1"))
              .get("http://[0:0:0:0:0:0:0:1]:" + p6 + "/x", false)))
          .hasMessage(
              "refused: host 0:0:0:0:0:0:0:1 resolves to 0:0:0:0:0:0:0:1, which matches denied"
                  + " host pattern ::1");
    } finally {
      v6.close().await();
    }
  }

  @Test
  void malformedPatternsAreRejected() {
    assertThatThrownBy(() -> new HttpFetchOptions().addDeniedHost("example.com:99999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "host pattern must look like example.com, *.example.com, 10.0.0.1 or [::1],"
                + " optionally with :port: example.com:99999");
    assertThatThrownBy(() -> new HttpFetchOptions().addAllowedHost("a*.example.com"))
        .hasMessageEndingWith(": a*.example.com");
    assertThat(new HttpFetchOptions().addAllowedHost(" [::1]:8080 ").getAllowedHosts())
        .containsExactly("[::1]:8080");
  }
}
