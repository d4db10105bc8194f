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
  void settlingNeedsTwoQuietSecondsAndStopsAtItsLimit() throws Exception {
    // Quiet or busy, the JIT is sampled once a second: two quiet seconds at the least, and the
    // limit (checked before each sample) ends it within one more second.
    long waited = BenchClient.settle(3_000);
    assertThat(waited).isBetween(2_000L, 4_500L);
  }
}
