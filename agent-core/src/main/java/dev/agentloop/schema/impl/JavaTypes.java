package dev.agentloop.schema.impl;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Schemas and JSON forms of the Java types the generic generator gets wrong: bytes, chars, local
 * times, years, offsets. The schema of each type accepts exactly what the mapper writes and reads.
 */
public final class JavaTypes {

  /** {@code HH:mm:ss} with an optional fraction; what {@link LocalTime} is written and read as. */
  public static final String LOCAL_TIME = "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?$";

  /** {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction and no offset. */
  public static final String LOCAL_DATE_TIME =
      "^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?$";

  /** A calendar date, {@code yyyy-MM-dd}; the PORTABLE stand-in for {@code format: date}. */
  public static final String DATE = "^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$";

  /** A time with offset; the PORTABLE stand-in for {@code format: time}. */
  public static final String OFFSET_TIME =
      "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-][0-2][0-9]:[0-5][0-9])$";

  /** A UUID; the PORTABLE stand-in for {@code format: uuid}. */
  public static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  /** A four-digit year, what {@link Year} is written as. */
  public static final String YEAR = "^[0-9]{4}$";

  /** {@code yyyy-MM}, what {@link YearMonth} is written as. */
  public static final String YEAR_MONTH = "^[0-9]{4}-[0-1][0-9]$";

  /** {@code --MM-dd}, what {@link MonthDay} is written as. */
  public static final String MONTH_DAY = "^--[0-1][0-9]-[0-3][0-9]$";

  /** {@code Z} or {@code +HH:MM}, what {@link ZoneOffset} is written as. */
  public static final String ZONE_OFFSET = "^(Z|[+-][0-1][0-9]:[0-5][0-9])$";

  /** Padded base64, what {@code byte[]} is written and read as. */
  public static final String BASE64 =
      "^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

  /** What {@link java.time.Duration#parse} reads: days, hours, minutes, seconds; no years. */
  public static final String DURATION =
      "^-?P(-?[0-9]+D)?(T(-?[0-9]+H)?(-?[0-9]+M)?(-?[0-9]+(\\.[0-9]{1,9})?S)?)?$";

  /** What {@link java.time.Period#parse} reads: years, months, weeks, days; no time. */
  public static final String PERIOD = "^-?P(-?[0-9]+Y)?(-?[0-9]+M)?(-?[0-9]+W)?(-?[0-9]+D)?$";

  /** A zone id: a region such as {@code Europe/Paris}, an offset, or {@code UTC+01:00}. */
  public static final String ZONE_ID =
      "^(Z|[+-][0-9]{2}(:[0-9]{2}){0,2}|(UTC|GMT|UT)[+-][0-9]{2}(:[0-9]{2}){0,2}"
          + "|[A-Za-z][A-Za-z0-9~._+-]*(/[A-Za-z0-9~._+-]+)*)$";

  /**
   * An absolute URI in the characters {@link java.net.URI} accepts unescaped; kept where a dialect
   * drops {@code format: uri}.
   */
  public static final String URI =
      "^[A-Za-z][A-Za-z0-9+.-]*:([A-Za-z0-9._~:/?@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*"
          + "(#([A-Za-z0-9._~:/?@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)?$";

  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(TIME)
          .toFormatter();
  private static final DateTimeFormatter OFFSET =
      new DateTimeFormatterBuilder().appendOffset("+HH:MM", "Z").toFormatter();

  private static final Map<Class<?>, Function<ObjectNode, ObjectNode>> SCHEMAS =
      Map.ofEntries(
          Map.entry(byte[].class, s -> pattern(s, BASE64).put("contentEncoding", "base64")),
          Map.entry(java.time.Duration.class, s -> pattern(s, DURATION)),
          Map.entry(java.time.ZoneId.class, s -> pattern(s, ZONE_ID)),
          Map.entry(java.net.URI.class, s -> pattern(s.put("format", "uri"), URI)),
          Map.entry(java.time.Period.class, s -> pattern(s, PERIOD)),
          Map.entry(byte.class, s -> range(s, Byte.MIN_VALUE, Byte.MAX_VALUE)),
          Map.entry(Byte.class, s -> range(s, Byte.MIN_VALUE, Byte.MAX_VALUE)),
          Map.entry(short.class, s -> range(s, Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry(Short.class, s -> range(s, Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry(char.class, JavaTypes::oneChar),
          Map.entry(Character.class, JavaTypes::oneChar),
          Map.entry(LocalTime.class, s -> pattern(s, LOCAL_TIME)),
          Map.entry(LocalDateTime.class, s -> pattern(s, LOCAL_DATE_TIME)),
          Map.entry(Year.class, s -> pattern(s, YEAR)),
          Map.entry(YearMonth.class, s -> pattern(s, YEAR_MONTH)),
          Map.entry(MonthDay.class, s -> pattern(s, MONTH_DAY)),
          Map.entry(ZoneOffset.class, s -> pattern(s, ZONE_OFFSET)));

  private JavaTypes() {}

  /** The victools provider for the types above. */
  public static CustomDefinitionProviderV2 definitions() {
    return (ResolvedType type, SchemaGenerationContext context) -> {
      Function<ObjectNode, ObjectNode> schema = SCHEMAS.get(type.getErasedType());
      return schema == null
          ? null
          : new CustomDefinition(
              schema.apply(JsonNodeFactory.instance.objectNode()),
              CustomDefinition.DefinitionType.INLINE,
              CustomDefinition.AttributeInclusion.YES);
    };
  }

  /**
   * The mapper module: times always with seconds (what {@code format: time} and {@code date-time}
   * require), and floating-point numbers that overflow to infinity rejected instead of bound.
   */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("agentloop-java-types");
    module.addSerializer(LocalTime.class, writer(TIME::format));
    module.addSerializer(LocalDateTime.class, writer(DATE_TIME::format));
    module.addSerializer(OffsetTime.class, writer(t -> TIME.format(t) + OFFSET.format(t)));
    module.addSerializer(OffsetDateTime.class, writer(t -> DATE_TIME.format(t) + OFFSET.format(t)));
    module.addSerializer(ZonedDateTime.class, writer(t -> DATE_TIME.format(t) + OFFSET.format(t)));
    module.addDeserializer(
        Double.class, finite(new NumberDeserializers.DoubleDeserializer(Double.class, null)));
    module.addDeserializer(
        double.class, finite(new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.0)));
    module.addDeserializer(
        Float.class, finite(new NumberDeserializers.FloatDeserializer(Float.class, null)));
    module.addDeserializer(
        float.class, finite(new NumberDeserializers.FloatDeserializer(Float.TYPE, 0.0f)));
    return module;
  }

  private static ObjectNode range(ObjectNode schema, int min, int max) {
    return schema.put("type", "integer").put("minimum", min).put("maximum", max);
  }

  private static ObjectNode oneChar(ObjectNode schema) {
    return schema.put("type", "string").put("minLength", 1).put("maxLength", 1);
  }

  private static ObjectNode pattern(ObjectNode schema, String pattern) {
    return schema.put("type", "string").put("pattern", pattern);
  }

  private static <T extends TemporalAccessor> JsonSerializer<T> writer(Function<T, String> text) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        gen.writeString(text.apply(value));
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <N extends Number> JsonDeserializer<N> finite(JsonDeserializer<N> delegate) {
    return new JsonDeserializer<>() {
      @Override
      public @Nullable N deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        N value = delegate.deserialize(p, ctxt);
        if (value != null
            && Double.isInfinite(value.doubleValue())
            && p.currentToken().isNumeric()) {
          return (N)
              ctxt.handleWeirdNumberValue(
                  delegate.handledType(), value, "out of range of %s", delegate.handledType());
        }
        return value;
      }

      @Override
      public @Nullable N getNullValue(DeserializationContext ctxt)
          throws com.fasterxml.jackson.databind.JsonMappingException {
        return delegate.getNullValue(ctxt);
      }
    };
  }
}
