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
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

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

  private static final Gen<LocalDate> DATES =
      Gen.longs(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
          .map(LocalDate::ofEpochDay);
  private static final Gen<LocalTime> TIMES =
      Gen.longs(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
  private static final Gen<ZoneOffset> OFFSETS =
      Gen.ints(-1080, 1080).map(m -> ZoneOffset.ofTotalSeconds(m * 60));

  private static final Map<String, Gen<String>> PATTERNS =
      Map.ofEntries(
          Map.entry(JavaTypes.DATE, DATES.map(LocalDate::toString)),
          Map.entry(JavaTypes.LOCAL_TIME, TIMES.map(SchemaJson::withSeconds)),
          Map.entry(
              JavaTypes.LOCAL_DATE_TIME,
              Gen.zip(DATES, TIMES, (d, t) -> d + "T" + withSeconds(t))),
          Map.entry(JavaTypes.OFFSET_TIME, offsetTimes()),
          Map.entry(JavaTypes.UUID, Gen.of(r -> new UUID(r.nextLong(), r.nextLong()).toString(),
              new UUID(0, 0).toString(), new UUID(-1, -1).toString().toUpperCase(Locale.ROOT))),
          Map.entry(JavaTypes.YEAR, Gen.ints(1000, 9999).map(String::valueOf)),
          Map.entry(JavaTypes.YEAR_MONTH, DATES.map(d -> YearMonth.from(d).toString())),
          Map.entry(JavaTypes.MONTH_DAY, DATES.map(d -> MonthDay.from(d).toString())),
          Map.entry(JavaTypes.ZONE_OFFSET, OFFSETS.map(ZoneOffset::toString)),
          Map.entry(JavaTypes.BASE64, bytes()),
          Map.entry(JavaTypes.ZONE_ID,
              Gen.from(new TreeSet<>(java.time.ZoneId.getAvailableZoneIds()).toArray(String[]::new))
                  .map(String::valueOf)),
          Map.entry(JavaTypes.URI, uris()),
          Map.entry(
              JavaTypes.DURATION,
              Gen.longs(-1_000_000_000L, 1_000_000_000L)
                  .map(s -> Duration.ofMillis(s).toString())),
          Map.entry(
              JavaTypes.PERIOD,
              Gen.zip(List.of(Gen.ints(-50, 50), Gen.ints(-20, 20), Gen.ints(-100, 100)),
                  v -> Period.of((Integer) v.get(0), (Integer) v.get(1), (Integer) v.get(2))
                      .toString())));

  private static final Map<String, Gen<String>> FORMATS =
      Map.of(
          "date", PATTERNS.get(JavaTypes.DATE),
          "time", offsetTimes(),
          "date-time",
          Gen.zip(List.of(DATES, TIMES, OFFSETS),
              v -> v.get(0) + "T" + withSeconds((LocalTime) v.get(1)) + v.get(2)),
          "uuid", PATTERNS.get(JavaTypes.UUID),
          "uri", uris(),
          "duration", PATTERNS.get(JavaTypes.DURATION));

  private SchemaJson() {}

  /** Returns a generator of JSON values valid against {@code root}. */
  static Gen<JsonNode> valid(JsonNode root) {
    return of(root, root, 0);
  }

  private static Gen<JsonNode> of(JsonNode root, JsonNode schema, int depth) {
    schema = resolve(root, schema);
    for (String key : List.of("anyOf", "oneOf")) {
      if (schema.has(key)) {
        List<Gen<JsonNode>> branches = new ArrayList<>();
        for (JsonNode branch : schema.get(key)) {
          branches.add(of(root, branch, depth));
        }
        return Gen.oneOf(branches);
      }
    }
    if (schema.has("const")) {
      return Gen.just(schema.get("const"));
    }
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return Gen.from(values.toArray(JsonNode[]::new));
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      List<Gen<JsonNode>> branches = new ArrayList<>();
      for (JsonNode each : type) {
        ObjectNode single = ((ObjectNode) schema).deepCopy();
        single.set("type", each);
        branches.add(of(root, single, depth));
      }
      return Gen.oneOf(branches);
    }
    String name = type == null ? "" : type.asText();
    JsonNode s = schema;
    return switch (name) {
      case "null" -> Gen.just(NODES.nullNode());
      case "boolean" -> Gen.from(true, false).map(NODES::booleanNode);
      case "integer" -> integers(s);
      case "number" -> numbers(s);
      case "string" -> strings(s).map(NODES::textNode);
      case "array" -> arrays(root, s, depth);
      case "object" -> objects(root, s, depth);
      default -> throw new IllegalArgumentException("no generator for schema " + s);
    };
  }

  private static Gen<JsonNode> integers(JsonNode s) {
    BigInteger min = s.has("minimum") ? s.get("minimum").bigIntegerValue()
        : BigInteger.valueOf(Integer.MIN_VALUE);
    BigInteger max = s.has("maximum") ? s.get("maximum").bigIntegerValue()
        : BigInteger.valueOf(Integer.MAX_VALUE);
    return Gen.bigIntegers(min, max).map(NODES::numberNode);
  }

  private static Gen<JsonNode> numbers(JsonNode s) {
    return Gen.zip(Gen.longs(-1_000_000_000L, 1_000_000_000L), Gen.ints(0, 6),
        (unscaled, scale) -> NODES.numberNode(BigDecimal.valueOf(unscaled, scale)));
  }

  private static Gen<String> strings(JsonNode s) {
    if (s.has("pattern")) {
      Gen<String> known = PATTERNS.get(s.get("pattern").asText());
      if (known == null) {
        throw new IllegalArgumentException("no generator for pattern " + s.get("pattern"));
      }
      return known;
    }
    if (s.has("format")) {
      Gen<String> known = FORMATS.get(s.get("format").asText());
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
    Gen<String> random = Gen.strings(' ', '\uD7FF', max - min);
    // Edge cases: shortest, longest, and (where it fits) a CJK char and an emoji (a surrogate pair).
    List<String> edges = new ArrayList<>(List.of("a".repeat(min), "\u00e9".repeat(max)));
    if (max - min >= 3) {
      edges.add("a".repeat(min) + "\u65e5\uD83D\uDE00");
    }
    return Gen.of(r -> "a".repeat(min) + random.generate(r, Integer.MAX_VALUE),
        edges.toArray(String[]::new));
  }

  private static Gen<JsonNode> arrays(JsonNode root, JsonNode s, int depth) {
    if (depth >= MAX_DEPTH) {
      return Gen.just(NODES.arrayNode());
    }
    int max = 3;
    Gen<JsonNode> items = of(root, s.get("items"), depth + 1);
    Function<Collection<JsonNode>, JsonNode> toArray =
        list -> {
          ArrayNode array = NODES.arrayNode();
          list.forEach(array::add);
          return array;
        };
    if (s.path("uniqueItems").asBoolean(false)) {
      return items.set(max).map(toArray);
    }
    return items.list(max).map(toArray);
  }

  private static Gen<JsonNode> objects(JsonNode root, JsonNode s, int depth) {
    Set<String> required = new HashSet<>();
    s.path("required").forEach(n -> required.add(n.asText()));
    List<String> names = new ArrayList<>();
    List<Gen<JsonNode>> values = new ArrayList<>();
    s.path("properties").fields().forEachRemaining(e -> {
      names.add(e.getKey());
      // An optional property is left out at the first try and then now and then (always, once
      // deep in a recursive type).
      boolean optional = !required.contains(e.getKey());
      if (optional && depth >= MAX_DEPTH) {
        values.add(Gen.just(null));
      } else {
        Gen<JsonNode> value = of(root, e.getValue(), depth + 1);
        values.add(optional ? value.orNull() : value);
      }
    });
    Gen<ObjectNode> properties = Gen.zip(values, list -> {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < names.size(); i++) {
        if (list.get(i) != null) {
          object.set(names.get(i), (JsonNode) list.get(i));
        }
      }
      return object;
    });
    JsonNode additional = s.get("additionalProperties");
    if (additional == null || !additional.isObject()) {
      return properties.map(o -> o);
    }
    Gen<Map<String, JsonNode>> extra = Gen.strings('a', 'z', 5, "a", "zzzzz")
        .mapTo(of(root, additional, depth + 1), depth >= MAX_DEPTH ? 0 : 3);
    return Gen.zip(properties, extra, (o, m) -> {
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

  private static Gen<String> offsetTimes() {
    return Gen.zip(TIMES, OFFSETS, (t, o) -> withSeconds(t) + o);
  }

  private static Gen<String> uris() {
    return Gen.strings('a', 'z', 8, "", "a-b._~%20c", "%41").map(s -> "https://example.com/" + s);
  }

  private static Gen<String> bytes() {
    return Gen.ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue).list(16)
        .map(list -> {
          byte[] b = new byte[list.size()];
          for (int i = 0; i < b.length; i++) {
            b[i] = list.get(i);
          }
          return Base64.getEncoder().encodeToString(b);
        });
  }
}
