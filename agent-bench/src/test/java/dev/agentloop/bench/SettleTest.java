package dev.agentloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SettleTest {

  @Test
  void noSettlingTimeMeansNoWait() throws Exception {
    assertThat(BenchClient.settle(0)).isZero();
  }

  @Test
  @Timeout(10)
  void settlingNeedsThreeQuietSecondsAndStopsAtItsLimit() throws Exception {
    // Quiet or busy, the JIT is sampled once a second: three quiet seconds at the least, and the
    // limit (checked before each sample) ends it within one more second.
    long waited = BenchClient.settle(4_000);
    assertThat(waited).isBetween(3_000L, 5_500L);
  }
}
