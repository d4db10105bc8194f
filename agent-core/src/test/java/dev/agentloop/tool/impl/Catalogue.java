package dev.agentloop.tool.impl;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.agentloop.tool.Tool;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The types of the conformance matrix: one tool per type, each taking one argument {@code value}
 * of that type, and a generator of Java values for it.
 */
public final class Catalogue {

  enum Unit {
    @JsonProperty("celsius") CELSIUS,
    @JsonProperty("fahrenheit") FAHRENHEIT,
    @JsonProperty("kelvin") KELVIN
  }

  record Contact(String name, @Nullable String email, Optional<Integer> age, Optional<Unit> unit) {}

  record Line(String sku, int qty, BigDecimal price) {}

  record Order(List<Line> lines, Line first, Optional<Contact> buyer) {}

  record Tree(String label, List<Tree> kids) {}

  record Pair<A, B>(A left, B right) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Circle.class, name = "circle"),
    @JsonSubTypes.Type(value = Square.class, name = "square")
  })
  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(long side, String colour) implements Shape {}

  /** One tool per type; each returns its argument. */
  public static final class Tools {
    // @formatter:off
    @Tool(description = "t") public Object primitiveInt(int value) { return value; }
    @Tool(description = "t") public Object boxedInteger(Integer value) { return value; }
    @Tool(description = "t") public Object primitiveLong(long value) { return value; }
    @Tool(description = "t") public Object boxedLong(Long value) { return value; }
    @Tool(description = "t") public Object primitiveShort(short value) { return value; }
    @Tool(description = "t") public Object primitiveByte(byte value) { return value; }
    @Tool(description = "t") public Object primitiveDouble(double value) { return value; }
    @Tool(description = "t") public Object primitiveFloat(float value) { return value; }
    @Tool(description = "t") public Object primitiveBoolean(boolean value) { return value; }
    @Tool(description = "t") public Object primitiveChar(char value) { return value; }
    @Tool(description = "t") public Object string(String value) { return value; }
    @Tool(description = "t") public Object enumWithJsonProperty(Unit value) { return value; }
    @Tool(description = "t") public Object bigDecimal(BigDecimal value) { return value; }
    @Tool(description = "t") public Object bigInteger(BigInteger value) { return value; }
    @Tool(description = "t") public Object localDate(LocalDate value) { return value; }
    @Tool(description = "t") public Object localTime(LocalTime value) { return value; }
    @Tool(description = "t") public Object localDateTime(LocalDateTime value) { return value; }
    @Tool(description = "t") public Object offsetDateTime(OffsetDateTime value) { return value; }
    @Tool(description = "t") public Object offsetTime(OffsetTime value) { return value; }
    @Tool(description = "t") public Object zonedDateTime(ZonedDateTime value) { return value; }
    @Tool(description = "t") public Object instant(Instant value) { return value; }
    @Tool(description = "t") public Object duration(Duration value) { return value; }
    @Tool(description = "t") public Object period(Period value) { return value; }
    @Tool(description = "t") public Object year(Year value) { return value; }
    @Tool(description = "t") public Object yearMonth(YearMonth value) { return value; }
    @Tool(description = "t") public Object monthDay(MonthDay value) { return value; }
    @Tool(description = "t") public Object zoneOffset(ZoneOffset value) { return value; }
    @Tool(description = "t") public Object zoneId(ZoneId value) { return value; }
    @Tool(description = "t") public Object dayOfWeek(DayOfWeek value) { return value; }
    @Tool(description = "t") public Object uuid(UUID value) { return value; }
    @Tool(description = "t") public Object uri(URI value) { return value; }
    @Tool(description = "t") public Object byteArray(byte[] value) { return value; }
    @Tool(description = "t") public Object intArray(int[] value) { return value; }
    @Tool(description = "t") public Object optionalString(Optional<String> value) { return value; }
    @Tool(description = "t") public Object optionalInt(OptionalInt value) { return value; }
    @Tool(description = "t") public Object nullableComponents(Contact value) { return value; }
    @Tool(description = "t") public Object listOfIntegers(List<Integer> value) { return value; }
    @Tool(description = "t") public Object setOfStrings(Set<String> value) { return value; }
    @Tool(description = "t") public Object mapOfIntegers(Map<String, Integer> value) { return value; }
    @Tool(description = "t") public Object nestedRecords(Order value) { return value; }
    @Tool(description = "t") public Object recursiveRecord(Tree value) { return value; }
    @Tool(description = "t") public Object genericRecord(Pair<LocalDate, Integer> value) { return value; }
    @Tool(description = "t") public Object sealedInterface(Shape value) { return value; }
    // @formatter:on
  }

  /**
   * One catalogue entry.
   *
   * @param name the tool (method) name
   * @param values generator of Java values of the type, edge cases first
   */
  public record Entry(String name, Gen<?> values) {
    public Method method() {
      return Stream.of(Tools.class.getDeclaredMethods())
          .filter(m -> m.getName().equals(name))
          .findFirst()
          .orElseThrow();
    }
  }

  private Catalogue() {}

  /** Whether two bound values are the same (arrays by content). */
  public static boolean same(@Nullable Object a, @Nullable Object b) {
    return Objects.deepEquals(a, b);
  }

  public static String show(@Nullable Object value) {
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    if (value instanceof int[] ints) {
      return Arrays.toString(ints);
    }
    return String.valueOf(value);
  }

  public static List<Entry> entries() {
    Gen<String> words = Gen.strings('a', 'z', 8, "", "a", "Z9", "zzzzzzzz");
    Gen<String> text = Gen.strings('\u0000', '\uD7FF', 12, "", " ", "0.10",
        "h\u00e9llo w\u00f6rld \u2713 \u65e5\u672c\u8a9e", "emoji \uD83D\uDE00",
        "quote \" backslash \\ nul \u0000 tab \t newline \n", "x".repeat(2_000), "null");
    Gen<LocalDate> dates = Gen.of(
        r -> LocalDate.ofEpochDay(Gen.longs(LocalDate.of(1000, 1, 1).toEpochDay(),
            LocalDate.of(9999, 12, 31).toEpochDay()).generate(r, Integer.MAX_VALUE)),
        LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29),
        LocalDate.of(1970, 1, 1));
    Gen<LocalTime> times = Gen.of(
        r -> LocalTime.ofNanoOfDay(Gen.longs(0, 86_400_000_000_000L - 1)
            .generate(r, Integer.MAX_VALUE)),
        LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(10, 15, 30), LocalTime.of(12, 0, 0, 1),
        LocalTime.of(23, 59));
    Gen<ZoneOffset> offsets = Gen.ints(-18 * 60, 18 * 60).map(m -> ZoneOffset.ofTotalSeconds(m * 60));
    Gen<LocalDateTime> dateTimes = Gen.zip(dates, times, LocalDateTime::of);
    Gen<BigDecimal> decimals = Gen.decimals(BigInteger.TEN.pow(30));
    Gen<Integer> ints = Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    Gen<Line> lines = Gen.zip(List.of(words, ints, decimals),
        v -> new Line((String) v.get(0), (Integer) v.get(1), (BigDecimal) v.get(2)));
    Gen<Contact> contacts = Gen.zip(
        List.of(words, words.orNull(), Gen.ints(0, 120).optional(),
            Gen.from(Unit.values()).optional()),
        v -> new Contact((String) v.get(0), (String) v.get(1), cast(v.get(2)), cast(v.get(3))));
    return List.of(
        new Entry("primitiveInt", ints),
        new Entry("boxedInteger", ints),
        new Entry("primitiveLong", Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)),
        new Entry("boxedLong", Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)),
        new Entry("primitiveShort", Gen.ints(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue)),
        new Entry("primitiveByte", Gen.ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue)),
        // JSON has no -0.0 distinct from 0.0 once read as a decimal; NaN and infinities are no JSON.
        new Entry("primitiveDouble", Gen.of(r -> finite(Double.longBitsToDouble(r.nextLong()),
                r.nextInt(2_000_001) / 100.0 - 10_000),
            0.0, 1.0, -1.0, 0.1, 19.9, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            (double) (1L << 53) + 2, 1e-300)),
        new Entry("primitiveFloat", Gen.of(r -> (float) finite(Float.intBitsToFloat(r.nextInt()),
                r.nextInt(2_000_001) / 100.0 - 10_000),
            0.0f, 1.0f, -1.0f, 0.1f, 19.9f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE)),
        new Entry("primitiveBoolean", Gen.from(true, false)),
        new Entry("primitiveChar", Gen.of(r -> (char) r.nextInt(0xD800),
            'a', '\u0000', '"', '\\', '\n', '\u00e9', '\uD7FF')),
        new Entry("string", text),
        new Entry("enumWithJsonProperty", Gen.from(Unit.values())),
        new Entry("bigDecimal", decimals),
        new Entry("bigInteger", Gen.bigIntegers(
            BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))),
        new Entry("localDate", dates),
        new Entry("localTime", times),
        new Entry("localDateTime", dateTimes),
        new Entry("offsetDateTime", Gen.zip(dateTimes, offsets, OffsetDateTime::of)),
        new Entry("offsetTime", Gen.zip(times, offsets, OffsetTime::of)),
        // Written with its offset; a region id ([Europe/Paris]) is not part of date-time.
        new Entry("zonedDateTime", Gen.zip(dateTimes, offsets, ZonedDateTime::of)),
        new Entry("instant", dateTimes.map(t -> t.toInstant(ZoneOffset.UTC))),
        new Entry("duration", Gen.zip(Gen.longs(-10_000_000_000L, 10_000_000_000L),
            Gen.ints(0, 999_999_999), Duration::ofSeconds)),
        new Entry("period", Gen.zip(List.of(Gen.ints(-100, 100), Gen.ints(-30, 30),
            Gen.ints(-400, 400)), v -> Period.of((Integer) v.get(0), (Integer) v.get(1),
            (Integer) v.get(2)))),
        new Entry("year", Gen.ints(1000, 9999).map(Year::of)),
        new Entry("yearMonth", dates.map(YearMonth::from)),
        new Entry("monthDay", dates.map(MonthDay::from)),
        new Entry("zoneOffset", offsets),
        new Entry("zoneId", Gen.from("Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC")
            .map(ZoneId::of)),
        new Entry("dayOfWeek", Gen.from(DayOfWeek.values())),
        new Entry("uuid", Gen.of(r -> new UUID(r.nextLong(), r.nextLong()),
            new UUID(0, 0), new UUID(-1, -1), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))),
        new Entry("uri", words.map(w -> URI.create("https://example.com/" + w + "?q=" + w))),
        new Entry("byteArray", Gen.ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue)
            .list(20).map(Catalogue::bytes)),
        new Entry("intArray", ints.list(5)
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())),
        new Entry("optionalString", text.optional()),
        new Entry("optionalInt", ints.optional()
            .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()))),
        new Entry("nullableComponents", contacts),
        new Entry("listOfIntegers", ints.list(5)),
        new Entry("setOfStrings", words.set(5)),
        new Entry("mapOfIntegers", words.mapTo(ints, 4)),
        new Entry("nestedRecords", Gen.zip(List.of(lines.list(3), lines, contacts.optional()),
            v -> new Order(cast(v.get(0)), (Line) v.get(1), cast(v.get(2))))),
        new Entry("recursiveRecord", trees(words, 3)),
        new Entry("genericRecord", Gen.zip(dates, ints, Pair::new)),
        new Entry("sealedInterface", Gen.<Shape>oneOf(
            Gen.of(r -> r.nextInt(100_000_001) / 100.0, 0.0, 1e6, 0.5).map(Circle::new),
            Gen.zip(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), words, Square::new))));
  }

  /** {@code value} if it is a finite number other than -0.0, else {@code fallback}. */
  private static double finite(double value, double fallback) {
    return Double.isFinite(value) && Double.doubleToRawLongBits(value) != Long.MIN_VALUE
        ? value : fallback;
  }

  private static byte[] bytes(List<Byte> list) {
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = list.get(i);
    }
    return bytes;
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private static Gen<Tree> trees(Gen<String> labels, int depth) {
    if (depth == 0) {
      return labels.map(l -> new Tree(l, List.of()));
    }
    return Gen.zip(labels, trees(labels, depth - 1).list(2), Tree::new);
  }
}
