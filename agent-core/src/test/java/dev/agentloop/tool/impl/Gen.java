package dev.agentloop.tool.impl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic value generator for the conformance matrix: the {@code try}-th value drawn from
 * a seeded {@link Random}. The first tries return the edge cases in order (empty, null, min, max,
 * long and unicode strings, decimals with trailing zeros, ...); after that values are random, with
 * an edge case mixed in now and then. Composite generators pass the try index to their parts, so
 * the first tries of a record combine the parts' edge cases.
 *
 * <p>There is no shrinking; a failure names the seed and the value instead (see {@link #check}).
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Gen<T> {

  /** The system property that replaces every cell's seed, to replay a reported failure. */
  String SEED_PROPERTY = "agentloop.matrix.seed";

  /** Returns the {@code index}-th value; the same random state and index give the same value. */
  @Nullable T generate(Random random, int index);

  /** A generator of {@code edges} first (in order), then of {@code random} values. */
  @SafeVarargs
  static <T> Gen<T> of(Function<Random, T> random, T... edges) {
    List<T> list = Arrays.asList(edges);
    return (r, i) -> {
      if (i < list.size()) {
        return list.get(i);
      }
      if (!list.isEmpty() && r.nextInt(5) == 0) {
        return list.get(r.nextInt(list.size()));
      }
      return random.apply(r);
    };
  }

  /** Picks from {@code values}: each of them in order first, then at random. */
  @SafeVarargs
  static <T> Gen<T> from(T... values) {
    return (r, i) -> values[i < values.length ? i : r.nextInt(values.length)];
  }

  /** Picks from a generator: each in order first (at its own edge cases), then at random. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = List.of(gens);
    return oneOf(list);
  }

  /** Picks from a generator: each in order first (at its own edge cases), then at random. */
  static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
    int n = gens.size();
    return (r, i) -> i < 3 * n ? gens.get(i % n).generate(r, i / n)
        : gens.get(r.nextInt(n)).generate(r, i);
  }

  /** Always {@code value}. */
  static <T> Gen<T> just(@Nullable T value) {
    return (r, i) -> value;
  }

  static Gen<Integer> ints(int min, int max) {
    return of(r -> (int) longBetween(r, min, max), edges(min, max, 0, 1, -1));
  }

  static Gen<Long> longs(long min, long max) {
    return of(r -> longBetween(r, min, max),
        Arrays.stream(edges(min, max, 0, 1, -1, (1L << 53) + 1)).toArray(Long[]::new));
  }

  static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
    BigInteger range = max.subtract(min).add(BigInteger.ONE);
    List<BigInteger> edges = new ArrayList<>(List.of(min, max));
    for (BigInteger b : List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
        BigInteger.TWO.pow(63), BigInteger.TWO.pow(64).negate())) {
      if (b.compareTo(min) >= 0 && b.compareTo(max) <= 0) {
        edges.add(b);
      }
    }
    return of(r -> {
      // The bit length is drawn too, so that small and large magnitudes both occur.
      BigInteger x = new BigInteger(1 + r.nextInt(range.bitLength() + 8), r);
      return min.add(x.mod(range));
    }, edges.toArray(BigInteger[]::new));
  }

  /** Decimals with {@code scale} 0 to 12 and an unscaled value within ±{@code maxUnscaled}. */
  static Gen<BigDecimal> decimals(BigInteger maxUnscaled) {
    Gen<BigInteger> unscaled = bigIntegers(maxUnscaled.negate(), maxUnscaled);
    return of(r -> new BigDecimal(unscaled.generate(r, Integer.MAX_VALUE), r.nextInt(13)),
        new BigDecimal("0"), new BigDecimal("0.10"), new BigDecimal("19.90"),
        new BigDecimal("0.000000000000"), new BigDecimal("-0.001"), new BigDecimal("100"),
        new BigDecimal("12345678901234567890.123456789"),
        new BigDecimal(maxUnscaled, 12), new BigDecimal(maxUnscaled.negate(), 0));
  }

  /** Strings of up to {@code maxLength} chars from {@code from} to {@code to}, edge cases first. */
  static Gen<String> strings(char from, char to, int maxLength, String... edges) {
    return of(r -> {
      char[] chars = new char[r.nextInt(maxLength + 1)];
      for (int k = 0; k < chars.length; k++) {
        chars[k] = (char) (from + r.nextInt(to - from + 1));
      }
      return new String(chars);
    }, edges);
  }

  /** Returns {@code null} at the first try, then now and then. */
  default Gen<T> orNull() {
    return (r, i) -> i == 0 || (i > 0 && r.nextInt(4) == 0) ? null : generate(r, i - 1);
  }

  /** Returns an empty Optional at the first try, then now and then. */
  default Gen<Optional<T>> optional() {
    Gen<T> nullable = orNull();
    return (r, i) -> Optional.ofNullable(nullable.generate(r, i));
  }

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return (r, i) -> f.apply(generate(r, i));
  }

  /** Lists: empty first, then one of {@code maxSize} edge cases, then random sizes. */
  default Gen<List<T>> list(int maxSize) {
    return (r, i) -> {
      int size = i == 0 ? 0 : i == 1 ? maxSize : r.nextInt(maxSize + 1);
      List<T> list = new ArrayList<>();
      for (int k = 0; k < size; k++) {
        // Elements of random lists are random, with an edge case now and then.
        list.add(generate(r, i == 1 ? k : r.nextInt(4) == 0 ? r.nextInt(8) : Integer.MAX_VALUE));
      }
      return list;
    };
  }

  default Gen<Set<T>> set(int maxSize) {
    return list(maxSize).map(LinkedHashSet::new);
  }

  default <V> Gen<Map<T, V>> mapTo(Gen<V> values, int maxSize) {
    Gen<List<T>> keys = list(maxSize);
    Gen<List<V>> vals = values.list(maxSize);
    return (r, i) -> {
      List<T> k = keys.generate(r, i);
      List<V> v = vals.generate(r, i == 1 ? 1 : Integer.MAX_VALUE);
      Map<T, V> map = new LinkedHashMap<>();
      for (int n = 0; n < k.size(); n++) {
        map.put(k.get(n), n < v.size() ? v.get(n) : values.generate(r, n));
      }
      return map;
    };
  }

  static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, R> f) {
    return (r, i) -> f.apply(a.generate(r, i), b.generate(r, i));
  }

  /** Combines parts generated at the same try index: the edge cases are zipped. */
  static <R> Gen<R> zip(List<? extends Gen<?>> parts, Function<List<Object>, R> f) {
    return (r, i) -> {
      List<Object> values = new ArrayList<>();
      for (Gen<?> part : parts) {
        values.add(part.generate(r, i));
      }
      return f.apply(values);
    };
  }

  /** The seed of a cell: from {@value #SEED_PROPERTY} if set, else derived from the cell name. */
  static long seed(String cell) {
    String override = System.getProperty(SEED_PROPERTY);
    if (override != null && !override.isBlank()) {
      try {
        return Long.parseLong(override.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(SEED_PROPERTY + " is not a long: " + override, e);
      }
    }
    long h = 1125899906842597L;
    for (char c : cell.toCharArray()) {
      h = 31 * h + c;
    }
    return h;
  }

  /** A check of one generated value. */
  @FunctionalInterface
  interface Check<T> {
    void accept(T value) throws Exception;
  }

  /**
   * Checks {@code tries} values of {@code gen} (edge cases first) from a random seeded by {@link
   * #seed}; a failure names the cell, the seed, the try and the value. Returns the tries made.
   */
  static <T> int check(String cell, Gen<T> gen, int tries, Function<? super T, String> show,
      Check<? super T> check) {
    long seed = seed(cell);
    Random random = new Random(seed);
    int made = 0;
    for (int i = 0; i < tries; i++) {
      T value = gen.generate(random, i);
      try {
        check.accept(value);
      } catch (Throwable e) {
        throw new AssertionError(
            "cell " + cell + ", seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed
                + "), try " + i + ", value " + show.apply(value) + ": " + e.getMessage(), e);
      }
      made++;
    }
    return made;
  }

  private static long longBetween(Random r, long min, long max) {
    return bigIntegers(BigInteger.valueOf(min), BigInteger.valueOf(max))
        .generate(r, Integer.MAX_VALUE).longValueExact();
  }

  private static Long[] edges(long min, long max, long... more) {
    Set<Long> edges = new LinkedHashSet<>(List.of(min, max));
    for (long m : more) {
      if (m >= min && m <= max) {
        edges.add(m);
      }
    }
    return edges.toArray(Long[]::new);
  }

  private static Integer[] edges(int min, int max, int... more) {
    return Arrays.stream(edges((long) min, (long) max,
        Arrays.stream(more).asLongStream().toArray())).map(Long::intValue).toArray(Integer[]::new);
  }
}
