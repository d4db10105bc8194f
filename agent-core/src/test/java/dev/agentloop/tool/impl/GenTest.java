package dev.agentloop.tool.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix's generator harness: deterministic, edge cases first, failures replayable. */
class GenTest {

  @Test
  void edgeCasesComeFirstThenRandomValues() {
    Gen<Integer> ints = Gen.ints(-5, 5);
    Random random = new Random(1);
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(ints.generate(random, i));
    }
    assertThat(first).containsExactly(-5, 5, 0, 1, -1);
    for (int i = 5; i < 200; i++) {
      assertThat(ints.generate(random, i)).isBetween(-5, 5);
    }
    assertThat(Gen.ints(1, 3).orNull().generate(random, 0)).isNull();
    assertThat(Gen.ints(1, 3).optional().generate(random, 0)).isEqualTo(Optional.empty());
    assertThat(Gen.ints(1, 3).list(4).generate(random, 0)).isEmpty();
    assertThat(Gen.decimals(java.math.BigInteger.TEN).generate(random, 1))
        .isEqualTo(new BigDecimal("0.10"));
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    Gen<String> strings = Gen.strings('a', 'z', 8);
    Random a = new Random(42);
    Random b = new Random(42);
    for (int i = 0; i < 50; i++) {
      assertThat(strings.generate(a, i)).isEqualTo(strings.generate(b, i));
    }
  }

  @Test
  void theSeedComesFromTheCellNameUnlessOverridden() {
    String saved = System.clearProperty(Gen.SEED_PROPERTY);
    try {
      assertThat(Gen.seed("bigDecimal × NONE")).isEqualTo(Gen.seed("bigDecimal × NONE"));
      assertThat(Gen.seed("bigDecimal × NONE")).isNotEqualTo(Gen.seed("bigDecimal × PORTABLE"));
      System.setProperty(Gen.SEED_PROPERTY, "1234");
      assertThat(Gen.seed("bigDecimal × NONE")).isEqualTo(1234L);
    } finally {
      if (saved == null) {
        System.clearProperty(Gen.SEED_PROPERTY);
      } else {
        System.setProperty(Gen.SEED_PROPERTY, saved);
      }
    }
  }

  @Test
  void aFailureNamesTheCellTheSeedTheTryAndTheValue() {
    long seed = Gen.seed("bigDecimal × NONE");
    assertThatThrownBy(() -> Gen.check("bigDecimal × NONE", Gen.decimals(java.math.BigInteger.TEN),
            20, String::valueOf, d -> assertThat(d.scale()).as("scale").isLessThan(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("cell bigDecimal × NONE, seed " + seed
            + " (replay with -Dagentloop.matrix.seed=" + seed + "), try 1, value 0.10: [scale]");
  }

  @Test
  void everyTryIsCounted() {
    assertThat(Gen.check("c", Gen.ints(0, 9), 7, String::valueOf, v -> {})).isEqualTo(7);
  }
}
