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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
   * @param values Java values of the type
   */
  public record Entry(String name, Arbitrary<?> values) {
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
    Arbitrary<String> words = Arbitraries.strings().alpha().numeric().ofMaxLength(8);
    Arbitrary<String> text =
        Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(12);
    Arbitrary<LocalDate> dates =
        Arbitraries.longs()
            .between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    Arbitrary<LocalTime> times =
        Arbitraries.longs().between(0, 86_400_000_000_000L - 1).map(LocalTime::ofNanoOfDay);
    Arbitrary<ZoneOffset> offsets =
        Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> ZoneOffset.ofTotalSeconds(m * 60));
    Arbitrary<LocalDateTime> dateTimes = Combinators.combine(dates, times).as(LocalDateTime::of);
    Arbitrary<BigDecimal> decimals =
        Combinators.combine(Arbitraries.bigIntegers().between(
                    BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(0, 12))
            .as(BigDecimal::new);
    Arbitrary<Line> lines =
        Combinators.combine(words, Arbitraries.integers(), decimals).as(Line::new);
    Arbitrary<Contact> contacts =
        Combinators.combine(
                words,
                words.injectNull(0.3),
                Arbitraries.integers().between(0, 120).optional(),
                Arbitraries.of(Unit.class).optional())
            .as(Contact::new);
    return List.of(
        new Entry("primitiveInt", Arbitraries.integers()),
        new Entry("boxedInteger", Arbitraries.integers()),
        new Entry("primitiveLong", Arbitraries.longs()),
        new Entry("boxedLong", Arbitraries.longs()),
        new Entry("primitiveShort", Arbitraries.shorts()),
        new Entry("primitiveByte", Arbitraries.bytes()),
        // JSON has no -0.0 distinct from 0.0 once read as a decimal; NaN and infinities are no JSON.
        new Entry("primitiveDouble", Arbitraries.doubles().filter(d -> !d.equals(-0.0d))),
        new Entry("primitiveFloat", Arbitraries.floats().filter(f -> !f.equals(-0.0f))),
        new Entry("primitiveBoolean", Arbitraries.of(true, false)),
        new Entry("primitiveChar", Arbitraries.chars().range('\u0000', '\uD7FF')),
        new Entry("string", text),
        new Entry("enumWithJsonProperty", Arbitraries.of(Unit.class)),
        new Entry("bigDecimal", decimals),
        new Entry("bigInteger", Arbitraries.bigIntegers().between(
            BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))),
        new Entry("localDate", dates),
        new Entry("localTime", times),
        new Entry("localDateTime", dateTimes),
        new Entry("offsetDateTime", Combinators.combine(dateTimes, offsets).as(OffsetDateTime::of)),
        new Entry("offsetTime", Combinators.combine(times, offsets).as(OffsetTime::of)),
        // Written with its offset; a region id ([Europe/Paris]) is not part of date-time.
        new Entry("zonedDateTime", Combinators.combine(dateTimes, offsets).as(ZonedDateTime::of)),
        new Entry("instant", dateTimes.map(t -> t.toInstant(ZoneOffset.UTC))),
        new Entry("duration", Combinators.combine(
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Duration::ofSeconds)),
        new Entry("period", Combinators.combine(Arbitraries.integers().between(-100, 100),
                Arbitraries.integers().between(-30, 30), Arbitraries.integers().between(-400, 400))
            .as(Period::of)),
        new Entry("year", Arbitraries.integers().between(1000, 9999).map(Year::of)),
        new Entry("yearMonth", dates.map(YearMonth::from)),
        new Entry("monthDay", dates.map(MonthDay::from)),
        new Entry("zoneOffset", offsets),
        new Entry("zoneId", Arbitraries.of("Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC")
            .map(ZoneId::of)),
        new Entry("dayOfWeek", Arbitraries.of(DayOfWeek.class)),
        new Entry("uuid", Arbitraries.create(UUID::randomUUID)),
        new Entry("uri", words.map(w -> URI.create("https://example.com/" + w + "?q=" + w))),
        new Entry("byteArray", Arbitraries.bytes().array(byte[].class).ofMaxSize(20)),
        new Entry("intArray", Arbitraries.integers().array(int[].class).ofMaxSize(5)),
        new Entry("optionalString", text.optional()),
        new Entry("optionalInt", Arbitraries.integers().optional()
            .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()))),
        new Entry("nullableComponents", contacts),
        new Entry("listOfIntegers", Arbitraries.integers().list().ofMaxSize(5)),
        new Entry("setOfStrings", words.set().ofMaxSize(5)),
        new Entry("mapOfIntegers", Arbitraries.maps(words, Arbitraries.integers()).ofMaxSize(4)),
        new Entry("nestedRecords", Combinators.combine(lines.list().ofMaxSize(3), lines,
                contacts.optional()).as(Order::new)),
        new Entry("recursiveRecord", trees(words, 3)),
        new Entry("genericRecord", Combinators.combine(dates, Arbitraries.integers()).as(Pair::new)),
        new Entry("sealedInterface", Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 1e6).map(Circle::new),
            Combinators.combine(Arbitraries.longs(), words).as(Square::new))));
  }

  private static Arbitrary<Tree> trees(Arbitrary<String> labels, int depth) {
    if (depth == 0) {
      return labels.map(l -> new Tree(l, List.of()));
    }
    return Combinators.combine(labels, trees(labels, depth - 1).list().ofMaxSize(2))
        .as(Tree::new);
  }
}
