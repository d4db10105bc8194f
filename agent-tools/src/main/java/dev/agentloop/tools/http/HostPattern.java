package dev.agentloop.tools.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One allow/deny host pattern of {@link HttpFetchOptions}: a name ({@code example.com}), a wildcard
 * subdomain ({@code *.example.com}) or an IP literal ({@code 127.0.0.1}, {@code ::1}, {@code
 * [::1]}), each optionally with a port ({@code example.com:8080}, {@code [::1]:8080}).
 *
 * <p>Patterns are compared with what a URL really reaches, not only with its spelling: an IP
 * pattern matches every spelling of that address ({@code 2130706433}, {@code 127.1}, {@code
 * [::ffff:127.0.0.1]}), and an exact name matches every host that resolves to one of the name's own
 * addresses (hosts-file aliases of {@code localhost}, say).
 *
 * @param text the pattern as given, for messages
 * @param name the lower-case name or {@code *.suffix}; null for an IP pattern
 * @param address the IP literal; null for a name pattern
 * @param port the port, or -1 for any port
 */
record HostPattern(String text, @Nullable String name, @Nullable InetAddress address, int port) {

  /**
   * Parses a pattern without any DNS lookup.
   *
   * @throws IllegalArgumentException if the pattern is blank or malformed
   */
  static HostPattern parse(String pattern) {
    Objects.requireNonNull(pattern, "pattern == null");
    String p = pattern.strip().toLowerCase(Locale.ROOT);
    String host = p;
    int port = -1;
    if (p.startsWith("[")) {
      int close = p.indexOf(']');
      if (close < 0 || (close + 1 < p.length() && p.charAt(close + 1) != ':')) {
        throw malformed(pattern);
      }
      host = p.substring(1, close);
      port = close + 1 < p.length() ? port(p.substring(close + 2), pattern) : -1;
    } else if (p.indexOf(':') >= 0 && p.indexOf(':') == p.lastIndexOf(':')) {
      host = p.substring(0, p.indexOf(':'));
      port = port(p.substring(p.indexOf(':') + 1), pattern);
    }
    InetAddress literal = literal(host);
    if (literal != null) {
      return new HostPattern(pattern.strip(), null, literal, port);
    }
    String bare = host.startsWith("*.") ? host.substring(2) : host;
    if (bare.isEmpty()
        || bare.contains("*")
        || bare.contains("/")
        || bare.contains(":")
        || bare.contains("[")) {
      throw malformed(pattern);
    }
    return new HostPattern(pattern.strip(), normalize(host), null, port);
  }

  private static IllegalArgumentException malformed(String pattern) {
    return new IllegalArgumentException(
        "host pattern must look like example.com, *.example.com, 10.0.0.1 or [::1],"
            + " optionally with :port: "
            + pattern);
  }

  private static int port(String text, String pattern) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed(pattern);
  }

  /** Parses an IPv4 or IPv6 literal without touching DNS, or returns null for a name. */
  static @Nullable InetAddress literal(String host) {
    boolean v4 = host.matches("[0-9]+(\\.[0-9]+){0,3}") || host.matches("0x[0-9a-f.x]+");
    boolean v6 = host.contains(":") && host.matches("[0-9a-f:.%a-z]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return AddressPolicy.embeddedIpv4(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Lower-cases a host name, drops IPv6 brackets and a trailing root dot. */
  static String normalize(String host) {
    String h = AddressPolicy.stripBrackets(host).toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** Whether this pattern's port admits {@code port}. */
  boolean admitsPort(int port) {
    return this.port < 0 || this.port == port;
  }

  /** Whether the host name as spelled matches (no DNS); IP patterns never match a spelling. */
  boolean matchesName(String host) {
    if (name == null) {
      return false;
    }
    String h = normalize(host);
    return name.startsWith("*.") ? h.endsWith(name.substring(1)) : h.equals(name);
  }

  /**
   * The addresses this pattern stands for: its literal, or the addresses an exact name resolves to
   * (a blocking DNS lookup); empty for wildcards and unresolvable names.
   */
  List<InetAddress> addresses() {
    if (address != null) {
      return List.of(address);
    }
    if (name == null || name.startsWith("*.")) {
      return List.of();
    }
    List<InetAddress> all = new ArrayList<>();
    try {
      for (InetAddress a : InetAddress.getAllByName(name)) {
        all.add(AddressPolicy.embeddedIpv4(a));
      }
    } catch (UnknownHostException e) {
      // a name that does not resolve stands for no address
    }
    return all;
  }

  @Override
  public String toString() {
    return text;
  }
}
