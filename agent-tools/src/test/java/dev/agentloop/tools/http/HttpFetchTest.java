package dev.agentloop.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.tools.AbstractToolTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class HttpFetchTest extends AbstractToolTest {

  private static final String PAGE =
      "<html><head><title>Test Page</title><script>var x = 1;</script></head><body>"
          + "<nav>Home | About</nav><main><h1>Hello</h1><p>First  paragraph with"
          + " <a href=\"/docs\">docs</a>.</p><ul><li>one</li><li>two</li></ul></main>"
          + "<footer>copyright</footer></body></html>";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String base;

  @Override
  protected Class<?> toolClass() {
    return HttpFetch.class;
  }

  @Override
  protected List<String> expectedToolNames() {
    return List.of("http_get", "http_head");
  }

  @BeforeEach
  void startServer(Vertx vertx) {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  requests.add(req.method() + " " + req.uri() + " host=" + req.getHeader("Host"));
                  switch (req.path()) {
                    case "/page" -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(PAGE);
                    case "/text" -> req.response().putHeader("Content-Type", "text/plain").end("plain text body");
                    case "/big" -> req.response().putHeader("Content-Type", "text/plain").end("x".repeat(200_000));
                    case "/hang" -> { } // never answers
                    case "/to-page" -> req.response().setStatusCode(302).putHeader("Location", "/page").end();
                    case "/to-private" -> req.response().setStatusCode(302).putHeader("Location", "http://10.0.0.1/").end();
                    case "/to-file" -> req.response().setStatusCode(301).putHeader("Location", "file:///etc/passwd").end();
                    case "/loop" -> req.response().setStatusCode(302).putHeader("Location", "/loop").end();
                    case "/missing" -> req.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("nope");
                    default -> req.response().setStatusCode(500).end();
                  }
                })
            .listen(0, "127.0.0.1")
            .await();
    base = "http://127.0.0.1:" + server.actualPort();
  }

  @AfterEach
  void stopServer() {
    server.close().await();
  }

  private HttpFetch loopbackAllowed(Vertx vertx) {
    return new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true));
  }

  private static <T> void expectSuccess(
      VertxTestContext ctx, Future<T> future, Consumer<T> check) {
    future.onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      check.accept(r);
      ctx.completeNow();
    })));
  }

  private static void expectFailure(
      VertxTestContext ctx, Future<?> future, Class<? extends Throwable> type, String message) {
    future.onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(type).hasMessage(message);
      ctx.completeNow();
    })));
  }

  @Test
  void htmlIsReducedToTitleAndMainText(Vertx vertx, VertxTestContext ctx) {
    expectSuccess(ctx, loopbackAllowed(vertx).get(base + "/page", false), r -> {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(r.title()).isEqualTo("Test Page");
      assertThat(r.text()).isEqualTo("# Hello\nFirst paragraph with docs.\n- one\n- two");
      assertThat(r.links()).isEmpty();
      assertThat(r.truncated()).isFalse();
      assertThat(r.finalUrl()).isEqualTo(base + "/page");
    });
  }

  @Test
  void linksAreListedOnRequest(Vertx vertx, VertxTestContext ctx) {
    expectSuccess(ctx, loopbackAllowed(vertx).get(base + "/page", true),
        r -> assertThat(r.links()).containsExactly("docs -> " + base + "/docs"));
  }

  @Test
  void plainTextIsReturnedAsIsWithOriginalHostHeader(Vertx vertx, VertxTestContext ctx) {
    expectSuccess(ctx, loopbackAllowed(vertx).get(base + "/text?q=1", false), r -> {
      assertThat(r.text()).isEqualTo("plain text body");
      assertThat(r.bytes()).isEqualTo(15);
      assertThat(requests).containsExactly("GET /text?q=1 host=127.0.0.1:" + server.actualPort());
    });
  }

  @Test
  void errorStatusIsReportedNotFailed(Vertx vertx, VertxTestContext ctx) {
    expectSuccess(ctx, loopbackAllowed(vertx).get(base + "/missing", false), r -> {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.text()).isEqualTo("nope");
    });
  }

  @Test
  void headReturnsStatusWithoutBody(Vertx vertx, VertxTestContext ctx) {
    expectSuccess(ctx, loopbackAllowed(vertx).head(base + "/text"), r -> {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.contentType()).isEqualTo("text/plain");
      assertThat(r.text()).isEmpty();
      assertThat(requests).containsExactly("HEAD /text host=127.0.0.1:" + server.actualPort());
    });
  }

  @Test
  void redirectsAreFollowed(Vertx vertx, VertxTestContext ctx) {
    expectSuccess(ctx, loopbackAllowed(vertx).get(base + "/to-page", false), r -> {
      assertThat(r.url()).isEqualTo(base + "/to-page");
      assertThat(r.finalUrl()).isEqualTo(base + "/page");
      assertThat(r.title()).isEqualTo("Test Page");
    });
  }

  @Test
  void redirectToPrivateAddressIsRefusedBeforeConnecting(Vertx vertx, VertxTestContext ctx) {
    Future<FetchResult> f = loopbackAllowed(vertx).get(base + "/to-private", false);
    f.onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(SecurityException.class).hasMessage(
          "refused: 10.0.0.1 is a private address; HttpFetchOptions.setAllowPrivate(true) permits it");
      assertThat(requests).containsExactly("GET /to-private host=127.0.0.1:" + server.actualPort());
      ctx.completeNow();
    })));
  }

  @Test
  void redirectToFileSchemeIsRefused(Vertx vertx, VertxTestContext ctx) {
    expectFailure(ctx, loopbackAllowed(vertx).get(base + "/to-file", false), SecurityException.class,
        "refused: only http and https URLs are allowed, not file: (file:///etc/passwd)");
  }

  @Test
  void redirectLoopStopsAtLimit(Vertx vertx, VertxTestContext ctx) {
    HttpFetch http = new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true).setMaxRedirects(3));
    Future<FetchResult> f = http.get(base + "/loop", false);
    f.onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).hasMessage("too many redirects (more than 3) fetching " + base + "/loop");
      assertThat(requests).hasSize(4);
      ctx.completeNow();
    })));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://127.0.0.1:1/        | refused: 127.0.0.1 is a loopback address; HttpFetchOptions.setAllowLoopback(true) permits it",
        "http://[::1]:1/            | refused: 0:0:0:0:0:0:0:1 is a loopback address; HttpFetchOptions.setAllowLoopback(true) permits it",
        "http://10.1.2.3/           | refused: 10.1.2.3 is a private address; HttpFetchOptions.setAllowPrivate(true) permits it",
        "http://192.168.0.1/admin   | refused: 192.168.0.1 is a private address; HttpFetchOptions.setAllowPrivate(true) permits it",
        "http://169.254.169.254/latest/meta-data/ | refused: 169.254.169.254 is a link-local address; no option permits it",
        "http://[::ffff:10.0.0.1]/  | refused: ::ffff:10.0.0.1 resolves to 10.0.0.1, a private address; HttpFetchOptions.setAllowPrivate(true) permits it",
        "http://0.0.0.0:1/          | refused: 0.0.0.0 is a unspecified address; no option permits it",
        "file:///etc/passwd         | refused: only http and https URLs are allowed, not file: (file:///etc/passwd)",
        "ftp://example.com/x        | refused: only http and https URLs are allowed, not ftp: (ftp://example.com/x)",
        "http://user:pw@example.com/ | refused: URLs with credentials (user@host) are not allowed"
      })
  void unsafeTargetsAreRefused(String url, String message, Vertx vertx, VertxTestContext ctx) {
    expectFailure(ctx, new HttpFetch(vertx).get(url, false), SecurityException.class, message);
  }

  @Test
  void hostnameResolvingToLoopbackIsRefused(Vertx vertx, VertxTestContext ctx) {
    new HttpFetch(vertx).get("http://localhost:1/", false).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(SecurityException.class);
      assertThat(e.getMessage())
          .matches("refused: localhost resolves to .+, a loopback address;"
              + " HttpFetchOptions.setAllowLoopback\\(true\\) permits it");
      ctx.completeNow();
    })));
  }

  @Test
  void loopbackIsRefusedEvenWhenPrivateIsAllowed(Vertx vertx, VertxTestContext ctx) {
    expectFailure(ctx, new HttpFetch(vertx, new HttpFetchOptions().setAllowPrivate(true)).get(base + "/text", false),
        SecurityException.class,
        "refused: 127.0.0.1 is a loopback address; HttpFetchOptions.setAllowLoopback(true) permits it");
  }

  @Test
  void malformedUrlIsRejected(Vertx vertx, VertxTestContext ctx) {
    expectFailure(ctx, new HttpFetch(vertx).get("example.com/page", false),
        IllegalArgumentException.class,
        "invalid URL 'example.com/page': expected an absolute URL like https://example.com/page");
  }

  @Test
  void hostListsAreEnforced(Vertx vertx, VertxTestContext ctx) {
    HttpFetch allowList = new HttpFetch(vertx, new HttpFetchOptions().addAllowedHost("*.example.com"));
    HttpFetch denyList = new HttpFetch(vertx, new HttpFetchOptions().addDeniedHost("*.evil.test"));
    allowList.get("https://example.org/", false).onComplete(ctx.failing(e1 ->
        denyList.get("https://a.b.evil.test/", false).onComplete(ctx.failing(e2 -> ctx.verify(() -> {
          assertThat(e1).hasMessage("refused: host example.org is not in the allowed hosts [*.example.com]");
          assertThat(e2).hasMessage("refused: host a.b.evil.test matches denied host pattern *.evil.test");
          ctx.completeNow();
        })))));
  }

  @Test
  void downloadIsAbortedAtSizeCap(Vertx vertx, VertxTestContext ctx) {
    HttpFetch http = new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true).setMaxResponseBytes(1000));
    expectSuccess(ctx, http.get(base + "/big", false), r -> {
      assertThat(r.truncated()).isTrue();
      assertThat(r.bytes()).isEqualTo(1000);
      assertThat(r.text()).isEqualTo("x".repeat(1000));
    });
  }

  @Test
  void textIsCutAtTextCap(Vertx vertx, VertxTestContext ctx) {
    HttpFetch http = new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true).setMaxTextChars(5));
    expectSuccess(ctx, http.get(base + "/text", false), r -> {
      assertThat(r.text()).isEqualTo("plain");
      assertThat(r.truncated()).isTrue();
    });
  }

  @Test
  void hangingServerTimesOut(Vertx vertx, VertxTestContext ctx) {
    HttpFetch http = new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true).setTimeoutMillis(300));
    expectFailure(ctx, http.get(base + "/hang", false), TimeoutException.class,
        "timed out after 300 ms fetching " + base + "/hang");
  }

  @Test
  void onlyGetAndHeadAreSupported(Vertx vertx, VertxTestContext ctx) {
    expectFailure(ctx, loopbackAllowed(vertx).fetch(HttpMethod.POST, base + "/text", false),
        IllegalArgumentException.class, "method must be GET or HEAD: POST");
  }
}
