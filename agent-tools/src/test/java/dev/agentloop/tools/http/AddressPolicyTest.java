package dev.agentloop.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "public",
      value = {
        "127.0.0.1          | loopback",
        "127.8.9.10         | loopback",
        "::1                | loopback",
        "10.0.0.5           | private",
        "172.16.0.1         | private",
        "172.31.255.255     | private",
        "192.168.1.1        | private",
        "fc00::1            | private",
        "fd12:3456::1       | private",
        "100.64.0.1         | shared (CGNAT)",
        "100.127.255.254    | shared (CGNAT)",
        "169.254.169.254    | link-local",
        "fe80::1            | link-local",
        "0.0.0.0            | unspecified",
        "0.1.2.3            | unspecified",
        "::                 | unspecified",
        "224.0.0.1          | multicast",
        "ff02::1            | multicast",
        "255.255.255.255    | broadcast",
        "::ffff:10.0.0.1    | private",
        "::ffff:127.0.0.1   | loopback",
        "::ffff:169.254.169.254 | link-local",
        "::10.0.0.1         | private",
        "64:ff9b::a9fe:a9fe | link-local",
        "8.8.8.8            | public",
        "172.32.0.1         | public",
        "100.128.0.1        | public",
        "2606:4700::1111    | public"
      })
  void classifiesAddresses(String literal, String kind) throws Exception {
    assertThat(AddressPolicy.kind(InetAddress.getByName(literal))).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.5        | 10.0.0.5        | refused: 10.0.0.5 is a private address; HttpFetchOptions.setAllowPrivate(true) permits it",
        "db.internal     | 192.168.0.7     | refused: db.internal resolves to 192.168.0.7, a private address; HttpFetchOptions.setAllowPrivate(true) permits it",
        "127.0.0.1       | 127.0.0.1       | refused: 127.0.0.1 is a loopback address; HttpFetchOptions.setAllowLoopback(true) permits it",
        "169.254.169.254 | 169.254.169.254 | refused: 169.254.169.254 is a link-local address; no option permits it"
      })
  void refusalsExplainTheReasonAndTheOption(String host, String ip, String message)
      throws Exception {
    assertThat(AddressPolicy.refusal(host, InetAddress.getByName(ip), new HttpFetchOptions()))
        .isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.5", "100.64.0.1", "fd00::1"})
  void allowPrivatePermitsPrivateButNotLinkLocal(String ip) throws Exception {
    HttpFetchOptions options = new HttpFetchOptions().setAllowPrivate(true);
    assertThat(AddressPolicy.refusal(ip, InetAddress.getByName(ip), options)).isNull();
    assertThat(AddressPolicy.refusal("x", InetAddress.getByName("169.254.169.254"), options))
        .isNotNull();
    assertThat(AddressPolicy.refusal("x", InetAddress.getByName("127.0.0.1"), options)).isNotNull();
  }
}
