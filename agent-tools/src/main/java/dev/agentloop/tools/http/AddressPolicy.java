package dev.agentloop.tools.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** Decides which resolved addresses {@link HttpFetch} may connect to. */
final class AddressPolicy {

  private AddressPolicy() {}

  /**
   * Returns why {@code address} is refused, or null when it may be used.
   *
   * @param host the name the URL used, mentioned when it differs from the address
   */
  static @Nullable String refusal(String host, InetAddress address, HttpFetchOptions options) {
    String kind = kind(address);
    if (kind == null) {
      return null;
    }
    String ip = address.getHostAddress();
    String subject =
        isSameLiteral(host, address)
            ? ip + " is a " + kind + " address"
            : host + " resolves to " + ip + ", a " + kind + " address";
    switch (kind) {
      case "loopback":
        return options.isAllowLoopback()
            ? null
            : "refused: " + subject + "; HttpFetchOptions.setAllowLoopback(true) permits it";
      case "private":
      case "shared (CGNAT)":
        return options.isAllowPrivate()
            ? null
            : "refused: " + subject + "; HttpFetchOptions.setAllowPrivate(true) permits it";
      default:
        return "refused: " + subject + "; no option permits it";
    }
  }

  /** Classifies an address, or returns null for an ordinary public address. */
  static @Nullable String kind(InetAddress address) {
    InetAddress a = embeddedIpv4(address);
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0) {
        return "unspecified";
      }
      if (b0 == 100 && (b1 & 0xc0) == 64) {
        return "shared (CGNAT)";
      }
      if (b0 == 255 && (b[1] & b[2] & b[3] & 0xff) == 0xff) {
        return "broadcast";
      }
      return null;
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return "private";
    }
    return null;
  }

  /**
   * Returns the IPv4 address embedded in an IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
   * ({@code ::/96}) or NAT64 ({@code 64:ff9b::/96}) IPv6 address, so it is classified by what it
   * really reaches; other addresses are returned as they are.
   */
  static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible =
        zeroPrefix && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] & 0xff) <= 1);
    boolean nat64 =
        (b[0] & 0xff) == 0
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    if (!mapped && !compatible && !nat64) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // cannot happen for a 4-byte array
    }
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSameLiteral(String host, InetAddress address) {
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:]*")) {
      return false; // a name, or a mixed form worth spelling out: never look it up here
    }
    try {
      return InetAddress.getByName(host).equals(address);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
