package dev.agentloop.tool.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.impl.JavaTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates JSON values valid against a schema, reading only the schema: every branch of {@code
 * anyOf} and type lists (so the nulls strict mode forces are sent), optional properties left out
 * or sent, and strings in the formats and patterns the generator and linter write.
 *
 * <p>Limits that a schema cannot express are kept to what a model plausibly sends: integers
 * without bounds stay within int range, patterns for dates produce real dates.
 */
final class SchemaJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final int MAX_DEPTH = 4;

  private static final Arbitrary<LocalDate> DATES =
      Arbitraries.longs()
          .between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
          .map(LocalDate::ofEpochDay);
  private static final Arbitrary<LocalTime> TIMES =
      Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
  private static final Arbitrary<ZoneOffset> OFFSETS =
      Arbitraries.integers().between(-1080, 1080).map(m -> ZoneOffset.ofTotalSeconds(m * 60));

  private static final Map<String, Arbitrary<String>> PATTERNS =
      Map.ofEntries(
          Map.entry(JavaTypes.DATE, DATES.map(LocalDate::toString)),
          Map.entry(JavaTypes.LOCAL_TIME, TIMES.map(SchemaJson::withSeconds)),
          Map.entry(
              JavaTypes.LOCAL_DATE_TIME,
              Combinators.combine(DATES, TIMES).as((d, t) -> d + "T" + withSeconds(t))),
          Map.entry(JavaTypes.OFFSET_TIME, offsetTimes()),
          Map.entry(JavaTypes.UUID, Arbitraries.create(() -> UUID.randomUUID().toString())),
          Map.entry(JavaTypes.YEAR, Arbitraries.integers().between(1000, 9999).map(String::valueOf)),
          Map.entry(JavaTypes.YEAR_MONTH, DATES.map(d -> YearMonth.from(d).toString())),
          Map.entry(JavaTypes.MONTH_DAY, DATES.map(d -> MonthDay.from(d).toString())),
          Map.entry(JavaTypes.ZONE_OFFSET, OFFSETS.map(ZoneOffset::toString)),
          Map.entry(JavaTypes.BASE64, bytes()),
          Map.entry(JavaTypes.ZONE_ID, Arbitraries.of(java.time.ZoneId.getAvailableZoneIds())),
          Map.entry(JavaTypes.URI, uris()),
          Map.entry(
              JavaTypes.DURATION,
              Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L)
                  .map(s -> Duration.ofMillis(s).toString())),
          Map.entry(
              JavaTypes.PERIOD,
              Combinators.combine(
                      Arbitraries.integers().between(-50, 50),
                      Arbitraries.integers().between(-20, 20),
                      Arbitraries.integers().between(-100, 100))
                  .as((y, m, d) -> Period.of(y, m, d).toString())));

  private static final Map<String, Arbitrary<String>> FORMATS =
      Map.of(
          "date", PATTERNS.get(JavaTypes.DATE),
          "time", offsetTimes(),
          "date-time",
          Combinators.combine(DATES, TIMES, OFFSETS)
              .as((d, t, o) -> d + "T" + withSeconds(t) + o),
          "uuid", PATTERNS.get(JavaTypes.UUID),
          "uri", uris(),
          "duration", PATTERNS.get(JavaTypes.DURATION));

  private SchemaJson() {}

  /** Returns JSON values valid against {@code root}. */
  static Arbitrary<JsonNode> valid(JsonNode root) {
    return of(root, root, 0);
  }

  private static Arbitrary<JsonNode> of(JsonNode root, JsonNode schema, int depth) {
    schema = resolve(root, schema);
    for (String key : List.of("anyOf", "oneOf")) {
      if (schema.has(key)) {
        List<Arbitrary<JsonNode>> branches = new ArrayList<>();
        for (JsonNode branch : schema.get(key)) {
          branches.add(of(root, branch, depth));
        }
        return Arbitraries.oneOf(branches);
      }
    }
    if (schema.has("const")) {
      return Arbitraries.just(schema.get("const"));
    }
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return Arbitraries.of(values);
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      List<Arbitrary<JsonNode>> branches = new ArrayList<>();
      for (JsonNode each : type) {
        ObjectNode single = ((ObjectNode) schema).deepCopy();
        single.set("type", each);
        branches.add(of(root, single, depth));
      }
      return Arbitraries.oneOf(branches);
    }
    String name = type == null ? "" : type.asText();
    JsonNode s = schema;
    return switch (name) {
      case "null" -> Arbitraries.just(NODES.nullNode());
      case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
      case "integer" -> integers(s);
      case "number" -> numbers(s);
      case "string" -> strings(s).map(NODES::textNode);
      case "array" -> arrays(root, s, depth);
      case "object" -> objects(root, s, depth);
      default -> throw new IllegalArgumentException("no generator for schema " + s);
    };
  }

  private static Arbitrary<JsonNode> integers(JsonNode s) {
    BigInteger min = s.has("minimum") ? s.get("minimum").bigIntegerValue()
        : BigInteger.valueOf(Integer.MIN_VALUE);
    BigInteger max = s.has("maximum") ? s.get("maximum").bigIntegerValue()
        : BigInteger.valueOf(Integer.MAX_VALUE);
    return Arbitraries.bigIntegers().between(min, max).map(NODES::numberNode);
  }

  private static Arbitrary<JsonNode> numbers(JsonNode s) {
    return Combinators.combine(
            Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
            Arbitraries.integers().between(0, 6))
        .as((unscaled, scale) -> (JsonNode) NODES.numberNode(BigDecimal.valueOf(unscaled, scale)));
  }

  private static Arbitrary<String> strings(JsonNode s) {
    if (s.has("pattern")) {
      Arbitrary<String> known = PATTERNS.get(s.get("pattern").asText());
      if (known == null) {
        throw new IllegalArgumentException("no generator for pattern " + s.get("pattern"));
      }
      return known;
    }
    if (s.has("format")) {
      Arbitrary<String> known = FORMATS.get(s.get("format").asText());
      if (known == null) {
        throw new IllegalArgumentException("no generator for format " + s.get("format"));
      }
      return known;
    }
    if ("base64".equals(s.path("contentEncoding").asText())) {
      return bytes();
    }
    int min = s.path("minLength").asInt(0);
    int max = s.path("maxLength").asInt(Math.max(min, 10));
    return Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(min).ofMaxLength(max);
  }

  private static Arbitrary<JsonNode> arrays(JsonNode root, JsonNode s, int depth) {
    if (depth >= MAX_DEPTH) {
      return Arbitraries.just(NODES.arrayNode());
    }
    int max = 3;
    Arbitrary<JsonNode> items = of(root, s.get("items"), depth + 1);
    Function<List<JsonNode>, JsonNode> toArray =
        list -> {
          ArrayNode array = NODES.arrayNode();
          list.forEach(array::add);
          return array;
        };
    if (s.path("uniqueItems").asBoolean(false)) {
      return items.set().ofMaxSize(max).map(set -> toArray.apply(new ArrayList<>(set)));
    }
    return items.list().ofMaxSize(max).map(toArray);
  }

  private static Arbitrary<JsonNode> objects(JsonNode root, JsonNode s, int depth) {
    Set<String> required = new HashSet<>();
    s.path("required").forEach(n -> required.add(n.asText()));
    List<String> names = new ArrayList<>();
    List<Arbitrary<JsonNode>> values = new ArrayList<>();
    s.path("properties").fields().forEachRemaining(e -> {
      names.add(e.getKey());
      // An optional property is left out half the time (always, once deep in a recursive type).
      boolean optional = !required.contains(e.getKey());
      if (optional && depth >= MAX_DEPTH) {
        values.add(Arbitraries.<JsonNode>just(null));
      } else {
        Arbitrary<JsonNode> value = of(root, e.getValue(), depth + 1);
        values.add(optional ? value.injectNull(0.5) : value);
      }
    });
    Arbitrary<ObjectNode> properties = Combinators.combine(values).as(list -> {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < names.size(); i++) {
        if (list.get(i) != null) {
          object.set(names.get(i), list.get(i));
        }
      }
      return object;
    });
    JsonNode additional = s.get("additionalProperties");
    if (additional == null || !additional.isObject()) {
      return properties.map(o -> o);
    }
    Arbitrary<Map<String, JsonNode>> extra = Arbitraries.maps(
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
        of(root, additional, depth + 1)).ofMaxSize(depth >= MAX_DEPTH ? 0 : 3);
    return Combinators.combine(properties, extra).as((o, m) -> {
      m.forEach(o::set);
      return o;
    });
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      schema = ref.equals("#") ? root : root.path("$defs").path(ref.substring("#/$defs/".length()));
    }
    return schema;
  }

  private static String withSeconds(LocalTime time) {
    String text = time.toString();
    return text.length() == 5 ? text + ":00" : text;
  }

  private static Arbitrary<String> offsetTimes() {
    return Combinators.combine(TIMES, OFFSETS).as((t, o) -> withSeconds(t) + o);
  }

  private static Arbitrary<String> uris() {
    return Arbitraries.strings().alpha().numeric().withChars("-._~%20").ofMaxLength(8)
        .map(s -> "https://example.com/" + s.replace("%", "%25"));
  }

  private static Arbitrary<String> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(16)
        .map(b -> Base64.getEncoder().encodeToString(b));
  }
}
