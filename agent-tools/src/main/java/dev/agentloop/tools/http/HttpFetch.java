package dev.agentloop.tools.http;

import dev.agentloop.AgentException;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches web pages for a model with GET or HEAD, safe by default against server-side request
 * forgery.
 *
 * <p>Every host is resolved first (on a worker thread) and every resolved address is checked
 * against {@link HttpFetchOptions}: loopback, private, CGNAT, link-local (the cloud metadata
 * address {@code 169.254.169.254}), unspecified, multicast, and IPv4-mapped IPv6 forms of them are
 * refused unless an allow flag permits them. The connection then goes to the checked address (the
 * original name is kept for the {@code Host} header and TLS server name), so DNS rebinding cannot
 * swap it. Redirects are followed by hand, up to a limit, and each hop is checked again. The body
 * is streamed and the download aborted at {@link HttpFetchOptions#getMaxResponseBytes()}; HTML is
 * reduced to its title and main text with jsoup. Only {@code http} and {@code https} URLs are
 * accepted.
 *
 * <p>Tool methods return a {@link Future} that completes on the event loop. It fails with {@link
 * SecurityException} for refusals ({@code "refused: 10.0.0.5 is a private address;
 * HttpFetchOptions.setAllowPrivate(true) permits it"}), {@link IllegalArgumentException} for
 * malformed URLs, {@link TimeoutException} past the timeout, and {@link AgentException} for
 * transport failures. Non-2xx statuses are not failures: they are reported in {@link
 * FetchResult#status()}.
 *
 * <pre>{@code
 * HttpFetch http = new HttpFetch(vertx, new HttpFetchOptions()
 *     .addAllowedHost("*.wikipedia.org")
 *     .setMaxResponseBytes(512 * 1024));
 * http.get("https://en.wikipedia.org/wiki/Vert.x", false)
 *     .onSuccess(page -> System.out.println(page.title() + "\n" + page.text()));
 * Toolbox tools = Toolbox.builder().add(http).build();
 * }</pre>
 */
public final class HttpFetch {

  private static final String ACCEPT =
      "text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.9,*/*;q=0.5";

  private final Vertx vertx;
  private final HttpFetchOptions options;
  private final List<HostPattern> allowed;
  private final List<HostPattern> denied;
  private final HttpClient client;

  /** Creates a fetcher with the safe defaults. */
  public HttpFetch(Vertx vertx) {
    this(vertx, new HttpFetchOptions());
  }

  /** Creates a fetcher with the given options (copied). */
  public HttpFetch(Vertx vertx, HttpFetchOptions options) {
    this.vertx = vertx;
    this.options = new HttpFetchOptions(options);
    this.allowed = this.options.getAllowedHosts().stream().map(HostPattern::parse).toList();
    this.denied = this.options.getDeniedHosts().stream().map(HostPattern::parse).toList();
    int timeout = (int) Math.min(Integer.MAX_VALUE, this.options.getTimeoutMillis());
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setDecompressionSupported(true)
                .setVerifyHost(true)
                .setKeepAlive(false));
  }

  /**
   * Fetches a URL with GET and returns its status and readable text.
   *
   * @param url an absolute http or https URL
   * @param links whether to list the page's links
   * @return the result; fails as described in the class documentation
   */
  @Tool(
      name = "http_get",
      description =
          "Fetches a web page or document with HTTP GET and returns its status, content type, final"
              + " URL and readable text (HTML reduced to title and main text). Public http/https"
              + " URLs only; the text is cut at a size limit.")
  public Future<FetchResult> get(
      @Param(description = "Absolute http or https URL, e.g. https://example.com/page") String url,
      @Param(description = "Whether to list the page's links", defaultValue = "false")
          boolean links) {
    return fetch(HttpMethod.GET, url, links);
  }

  /**
   * Sends a HEAD request and returns the status, content type and final URL, without a body.
   *
   * @param url an absolute http or https URL
   * @return the result with empty text; fails as described in the class documentation
   */
  @Tool(
      name = "http_head",
      description =
          "Checks a URL with HTTP HEAD: returns status, content type and final URL after redirects,"
              + " without downloading the body. Public http/https URLs only.")
  public Future<FetchResult> head(
      @Param(description = "Absolute http or https URL, e.g. https://example.com/file.pdf")
          String url) {
    return fetch(HttpMethod.HEAD, url, false);
  }

  /**
   * Fetches a URL with the given method ({@code GET} or {@code HEAD}).
   *
   * @return the result; fails as described in the class documentation
   */
  public Future<FetchResult> fetch(HttpMethod method, String url, boolean links) {
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return Future.failedFuture(
          new IllegalArgumentException("method must be GET or HEAD: " + method));
    }
    URI uri;
    try {
      uri = checkUrl(url);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Exchange exchange = new Exchange(method, url, links);
    long timer = vertx.setTimer(options.getTimeoutMillis(), id -> exchange.timeout());
    exchange.promise.future().onComplete(ar -> vertx.cancelTimer(timer));
    exchange.step(uri, 0);
    return exchange.promise.future();
  }

  /** Closes the underlying HTTP client. */
  public Future<Void> close() {
    return client.close();
  }

  private URI checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "invalid URL '"
              + url
              + "': "
              + e.getReason()
              + "; expected e.g. https://example.com/page");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null) {
      throw new IllegalArgumentException(
          "invalid URL '" + url + "': expected an absolute URL like https://example.com/page");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new SecurityException(
          "refused: only http and https URLs are allowed, not " + scheme + ": (" + url + ")");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "invalid URL '" + url + "': no host; expected e.g. https://example.com/page");
    }
    if (uri.getRawUserInfo() != null) {
      throw new SecurityException("refused: URLs with credentials (user@host) are not allowed");
    }
    // The spelling is checked here, before DNS; resolve() checks the addresses.
    String host = HostPattern.normalize(uri.getHost());
    int port = port(uri);
    for (HostPattern denied : denied) {
      if (denied.admitsPort(port) && denied.matchesName(host)) {
        throw new SecurityException(
            "refused: host " + host + " matches denied host pattern " + denied);
      }
    }
    if (!allowed.isEmpty()
        && !allowedByName(host, port)
        && allowed.stream().allMatch(p -> p.address() == null)) {
      throw notAllowed(host, port);
    }
    return uri;
  }

  private boolean allowedByName(String host, int port) {
    return allowed.stream().anyMatch(p -> p.admitsPort(port) && p.matchesName(host));
  }

  private SecurityException notAllowed(String host, int port) {
    boolean ports = allowed.stream().anyMatch(p -> p.port() >= 0);
    return new SecurityException(
        "refused: host "
            + host
            + (ports ? " port " + port : "")
            + " is not in the allowed hosts "
            + options.getAllowedHosts());
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /**
   * Resolves the host and returns the address to connect to, after checking every address against
   * the address policy and the host patterns (runs on a worker: DNS blocks).
   */
  private Future<InetAddress> resolve(String host, int port) {
    return vertx.executeBlocking(
        () -> {
          InetAddress[] all;
          try {
            all = InetAddress.getAllByName(host);
          } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host " + host);
          }
          // Refuse if any address is unsafe: a name must not mix public and internal targets.
          for (InetAddress address : all) {
            String refusal = AddressPolicy.refusal(host, address, options);
            if (refusal != null) {
              throw new SecurityException(refusal);
            }
          }
          for (HostPattern pattern : denied) {
            if (!pattern.admitsPort(port)) {
              continue;
            }
            List<InetAddress> deniedAddresses = pattern.addresses();
            for (InetAddress address : all) {
              InetAddress real = AddressPolicy.embeddedIpv4(address);
              if (deniedAddresses.contains(real)) {
                throw new SecurityException(
                    "refused: host "
                        + host
                        + " resolves to "
                        + real.getHostAddress()
                        + ", which matches denied host pattern "
                        + pattern);
              }
            }
          }
          if (allowed.isEmpty() || allowedByName(host, port)) {
            return all[0];
          }
          // not allowed by name: connect only to an address an IP pattern allows
          for (InetAddress address : all) {
            InetAddress real = AddressPolicy.embeddedIpv4(address);
            for (HostPattern pattern : allowed) {
              if (pattern.admitsPort(port) && real.equals(pattern.address())) {
                return address;
              }
            }
          }
          throw notAllowed(host, port);
        },
        false);
  }

  /** One fetch: its hops, the live request, the body read so far. */
  private final class Exchange {
    final Promise<FetchResult> promise = Promise.promise();
    final String requested;
    final boolean links;
    HttpMethod method;
    @Nullable HttpClientRequest current;

    Exchange(HttpMethod method, String requested, boolean links) {
      this.method = method;
      this.requested = requested;
      this.links = links;
    }

    void step(URI uri, int redirects) {
      String host = HostPattern.normalize(uri.getHost());
      resolve(host, port(uri))
          .compose(address -> send(uri, host, address))
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  fail(ar.cause(), uri);
                } else {
                  handle(ar.result(), uri, redirects);
                }
              });
    }

    Future<HttpClientResponse> send(URI uri, String host, InetAddress address) {
      if (promise.future().isComplete()) {
        return Future.failedFuture("fetch already finished");
      }
      boolean https = uri.getScheme().equalsIgnoreCase("https");
      int port = port(uri);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      RequestOptions request =
          new RequestOptions()
              .setMethod(method)
              .setServer(SocketAddress.inetSocketAddress(port, literal(address)))
              .setHost(host.indexOf(':') >= 0 ? "[" + host + "]" : host)
              .setPort(port)
              .setSsl(https)
              .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
              .setFollowRedirects(false)
              .putHeader("User-Agent", options.getUserAgent())
              .putHeader("Accept", ACCEPT);
      return client
          .request(request)
          .compose(
              req -> {
                current = req;
                return req.send();
              });
    }

    void handle(HttpClientResponse resp, URI uri, int redirects) {
      String location = resp.getHeader("Location");
      if (isRedirect(resp.statusCode()) && location != null && options.getMaxRedirects() > 0) {
        // The redirect's body is never read: drop the connection (keep-alive is off anyway).
        current = null;
        resp.request().connection().close();
        if (redirects >= options.getMaxRedirects()) {
          fail(
              new AgentException(
                  "too many redirects (more than "
                      + options.getMaxRedirects()
                      + ") fetching "
                      + requested),
              uri);
          return;
        }
        try {
          URI next = checkUrl(uri.resolve(location.strip()).toString());
          if (resp.statusCode() == 303 && method != HttpMethod.HEAD) {
            method = HttpMethod.GET;
          }
          step(next, redirects + 1);
        } catch (RuntimeException e) {
          fail(e, uri);
        }
        return;
      }
      Buffer body = Buffer.buffer();
      resp.exceptionHandler(e -> fail(e, uri));
      resp.handler(
          chunk -> {
            int room = options.getMaxResponseBytes() - body.length();
            if (chunk.length() > room) {
              body.appendBuffer(chunk, 0, room);
              finish(resp, uri, body, true);
              reset(); // abort the download: nothing past the cap is read
            } else {
              body.appendBuffer(chunk);
            }
          });
      resp.endHandler(v -> finish(resp, uri, body, false));
    }

    void finish(HttpClientResponse resp, URI uri, Buffer body, boolean truncated) {
      if (promise.future().isComplete()) {
        return;
      }
      String contentType = resp.getHeader("Content-Type");
      String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      String title = null;
      String text = "";
      List<String> pageLinks = List.of();
      if (method != HttpMethod.HEAD && body.length() > 0) {
        String decoded = body.toString(charset(type));
        if (type.contains("html") || (type.isEmpty() && decoded.stripLeading().startsWith("<"))) {
          HtmlText.Page page = HtmlText.reduce(decoded, uri.toString(), links);
          title = page.title();
          text = page.text();
          pageLinks = page.links();
        } else if (isText(type) || (type.isEmpty() && decoded.indexOf('\0') < 0)) {
          text = decoded;
        } else {
          text = "[binary content: " + contentType + ", " + body.length() + " bytes]";
        }
      }
      if (text.length() > options.getMaxTextChars()) {
        text = text.substring(0, options.getMaxTextChars());
        truncated = true;
      }
      promise.tryComplete(
          new FetchResult(
              requested,
              uri.toString(),
              resp.statusCode(),
              contentType,
              title,
              text,
              body.length(),
              truncated,
              pageLinks));
    }

    void timeout() {
      promise.tryFail(
          new TimeoutException(
              "timed out after " + options.getTimeoutMillis() + " ms fetching " + requested));
      reset(); // after failing: the reset's own failure must not win the race
    }

    void fail(Throwable cause, URI uri) {
      reset();
      if (cause instanceof SecurityException
          || cause instanceof IllegalArgumentException
          || cause instanceof AgentException) {
        promise.tryFail(cause);
      } else {
        promise.tryFail(
            new AgentException("fetching " + uri + " failed: " + cause.getMessage(), cause));
      }
    }

    void reset() {
      HttpClientRequest req = current;
      current = null;
      if (req != null) {
        req.reset();
      }
    }
  }

  /** The address as a URL authority host: IPv6 literals in brackets, as Vert.x expects. */
  private static String literal(InetAddress address) {
    String ip = address.getHostAddress();
    return ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean isText(String type) {
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("javascript")
        || type.contains("yaml")
        || type.contains("csv");
  }

  private static Charset charset(String type) {
    int i = type.indexOf("charset=");
    if (i >= 0) {
      String name = type.substring(i + 8).replace("\"", "").replaceAll(";.*$", "").strip();
      try {
        return Charset.forName(name);
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }
}
