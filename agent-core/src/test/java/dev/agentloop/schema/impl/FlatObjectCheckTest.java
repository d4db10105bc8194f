package dev.agentloop.schema.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick check may only ever say "valid" where networknt says valid too; everything else it must
 * leave to networknt, whose violations callers see.
 */
class FlatObjectCheckTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String TOOL =
      "{\"type\":\"object\",\"description\":\"weather\",\"properties\":{\"city\":{\"type\":"
          + "\"string\",\"description\":\"City name\",\"minLength\":1},\"days\":{\"type\":"
          + "\"integer\",\"minimum\":1,\"maximum\":7},\"unit\":{\"type\":[\"string\",\"null\"],"
          + "\"enum\":[\"C\",\"F\",null]}},\"required\":[\"city\"],\"additionalProperties\":false}";

  @Test
  void acceptsValidArgumentsOfAToolSchemaAndLeavesTheRestToNetworknt() {
    FlatObjectCheck check = FlatObjectCheck.of(json(TOOL));
    assertThat(check).isNotNull();
    assertThat(check.accepts(json("{\"city\":\"Paris\"}"))).isTrue();
    assertThat(check.accepts(json("{\"city\":\"Paris\",\"days\":7,\"unit\":\"C\"}"))).isTrue();
    assertThat(check.accepts(json("{\"city\":\"Paris\",\"unit\":null}"))).isTrue();
    for (String invalid :
        List.of(
            "{}",
            "{\"city\":\"\"}",
            "{\"city\":5}",
            "{\"city\":\"Paris\",\"days\":8}",
            "{\"city\":\"Paris\",\"days\":1.5}",
            "{\"city\":\"Paris\",\"unit\":\"K\"}",
            "{\"city\":\"Paris\",\"country\":\"FR\"}",
            "[\"Paris\"]")) {
      assertThat(check.accepts(json(invalid))).as(invalid).isFalse();
    }
    SchemaValidatorImpl validator = new SchemaValidatorImpl(json(TOOL), true);
    assertThat(validator.validate(json("{\"city\":\"Paris\",\"days\":3}"))).isEmpty();
    assertThat(validator.validate(json("{\"city\":\"Paris\",\"days\":8}")))
        .isEqualTo(validator.validateFully(json("{\"city\":\"Paris\",\"days\":8}")))
        .hasSize(1);
  }

  @Test
  void takesNoSchemaWithAKeywordItDoesNotHandle() {
    for (String schema :
        List.of(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"email\"}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"^a\"}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"object\"}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":[\"array\",\"null\"]}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/x\"}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"enum\":[[1]]}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"const\":1}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"minLength\":1.5}}}",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
            "{\"type\":\"object\",\"minProperties\":1}",
            "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\"}",
            "{\"type\":[\"object\",\"null\"]}",
            "{\"type\":\"string\"}",
            "{\"anyOf\":[{\"type\":\"object\"}]}",
            "true")) {
      assertThat(FlatObjectCheck.of(json(schema))).as(schema).isNull();
    }
  }

  @Test
  void neverAcceptsWhatNetworkntRejectsOnGeneratedSchemasAndInstances() {
    Random random = new Random(20261201);
    int accepted = 0, eligible = 0, validByNetworknt = 0;
    for (int s = 0; s < 400; s++) {
      String schemaText = schema(random);
      JsonNode schema = json(schemaText);
      FlatObjectCheck check = FlatObjectCheck.of(schema);
      assertThat(check).as(schemaText).isNotNull();
      SchemaValidatorImpl validator = new SchemaValidatorImpl(schema, true);
      for (int i = 0; i < 25; i++) {
        JsonNode instance = json(instance(random, schema));
        boolean valid = validator.validateFully(instance).isEmpty();
        eligible++;
        validByNetworknt += valid ? 1 : 0;
        if (check.accepts(instance)) {
          accepted++;
          assertThat(valid).as(schemaText + " against " + instance).isTrue();
        }
        assertThat(validator.validate(instance)).isEqualTo(validator.validateFully(instance));
      }
    }
    // the check answers for most of what is valid, so that it is worth having
    assertThat(accepted).isGreaterThan(validByNetworknt * 8 / 10);
    assertThat(validByNetworknt).isBetween(eligible / 20, eligible * 9 / 10);
  }

  private static final String[] VALUES = {
    "\"\"", "\"a\"", "\"abcd\"", "\"\\ud83d\\ude00\\ud83d\\ude00\"", "0", "-3", "7", "1.5", "2.0",
    "1e3", "-0.5", "12345678901234567890", "true", "false", "null", "{}", "[]", "{\"a\":1}", "[1]"
  };
  private static final String[] TYPES = {"string", "integer", "number", "boolean", "null"};

  private static String schema(Random random) {
    List<String> fields = new ArrayList<>();
    if (random.nextInt(4) != 0) {
      fields.add("\"type\":\"object\"");
    }
    int n = 1 + random.nextInt(4);
    List<String> properties = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      properties.add("\"p" + i + "\":" + property(random));
      if (random.nextBoolean()) {
        required.add("\"p" + i + "\"");
      }
    }
    fields.add("\"properties\":{" + String.join(",", properties) + "}");
    if (!required.isEmpty() || random.nextInt(4) == 0) {
      fields.add("\"required\":[" + String.join(",", required) + "]");
    }
    int additional = random.nextInt(3);
    if (additional > 0) {
      fields.add("\"additionalProperties\":" + (additional == 1));
    }
    if (random.nextBoolean()) {
      fields.add("\"description\":\"d\"");
    }
    return "{" + String.join(",", fields) + "}";
  }

  private static String property(Random random) {
    List<String> fields = new ArrayList<>();
    int kind = random.nextInt(4);
    if (kind == 1) {
      fields.add("\"type\":\"" + TYPES[random.nextInt(TYPES.length)] + "\"");
    } else if (kind == 2) {
      fields.add(
          "\"type\":[\""
              + TYPES[random.nextInt(TYPES.length)]
              + "\",\""
              + TYPES[random.nextInt(TYPES.length)]
              + "\"]");
    } else if (kind == 3) {
      fields.add("\"type\":\"" + TYPES[random.nextInt(3)] + "\"");
    }
    if (random.nextInt(5) == 0) {
      List<String> values = new ArrayList<>();
      for (int i = random.nextInt(4); i >= 0; i--) {
        values.add(VALUES[random.nextInt(15)]);
      }
      fields.add("\"enum\":[" + String.join(",", values) + "]");
    }
    String[] numbers = {"-1", "0", "1", "1.5", "7", "1000"};
    for (String bound : List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")) {
      if (random.nextInt(5) == 0) {
        fields.add("\"" + bound + "\":" + numbers[random.nextInt(numbers.length)]);
      }
    }
    for (String bound : List.of("minLength", "maxLength")) {
      if (random.nextInt(4) == 0) {
        fields.add("\"" + bound + "\":" + random.nextInt(5));
      }
    }
    if (random.nextBoolean()) {
      fields.add("\"description\":\"x\"");
    }
    return "{" + String.join(",", fields) + "}";
  }

  private static String instance(Random random, JsonNode schema) {
    List<String> fields = new ArrayList<>();
    int n = schema.get("properties").size();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(5) != 0) {
        fields.add("\"p" + i + "\":" + VALUES[random.nextInt(VALUES.length)]);
      }
    }
    if (random.nextInt(6) == 0) {
      fields.add("\"extra\":1");
    }
    return random.nextInt(40) == 0 ? "[]" : "{" + String.join(",", fields) + "}";
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }
}
