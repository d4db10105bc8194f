package dev.agentloop.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JsonPropertySorter;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Holds the one ObjectMapper and the one victools generator, both configured once. */
public final class Generators {

  /** The shared mapper: java.time and Optional support, lenient about unknown properties. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  /** The shared generator; thread-safe once built. */
  public static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

  private Generators() {}

  private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
    SchemaGeneratorConfigBuilder builder =
        new SchemaGeneratorConfigBuilder(
                MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .without(Option.SCHEMA_VERSION_INDICATOR, Option.VALUES_FROM_CONSTANT_FIELDS)
            .with(
                Option.STANDARD_FORMATS,
                Option.ENUM_KEYWORD_FOR_SINGLE_VALUES,
                Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                Option.FLATTENED_OPTIONALS);
    builder
        .with(
            new JacksonModule(
                JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                JacksonOption.RESPECT_JSONPROPERTY_ORDER,
                JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
        .with(
            new JakartaValidationModule(
                JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
    // Properties keep their declaration order (the order a reader of the record expects) unless
    // @JsonPropertyOrder says otherwise; the module's default would sort them alphabetically.
    builder.forTypesInGeneral().withPropertySorter(new JsonPropertySorter(false));
    // Records describe a complete value: their components are required unless they say otherwise.
    builder.forFields().withRequiredCheck(Generators::requiredRecordComponent);
    return builder.build();
  }

  private static boolean requiredRecordComponent(FieldScope field) {
    Field raw = field.getRawMember();
    return raw.getDeclaringClass().isRecord()
        && !field.isFakeContainerItemScope()
        && !isOptionalType(raw.getType())
        && !isNullable(raw);
  }

  /** Returns whether a type is Optional or one of its primitive variants. */
  public static boolean isOptionalType(Class<?> type) {
    return type == Optional.class
        || type == OptionalInt.class
        || type == OptionalLong.class
        || type == OptionalDouble.class;
  }

  /**
   * Returns whether a field carries any annotation named {@code Nullable} (JSpecify, JSR-305, ...).
   */
  public static boolean isNullable(Field field) {
    return Stream.concat(
            Stream.of(field.getAnnotations()), Stream.of(field.getAnnotatedType().getAnnotations()))
        .map(Annotation::annotationType)
        .anyMatch(type -> type.getSimpleName().equals("Nullable"));
  }
}
