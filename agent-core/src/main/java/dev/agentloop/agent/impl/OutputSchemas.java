package dev.agentloop.agent.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import java.lang.reflect.Type;

/**
 * Strict JSON schemas (every property required, no additional properties) for Java types, for
 * structured output.
 */
final class OutputSchemas {

  private static final SchemaGenerator GENERATOR = generator();

  private OutputSchemas() {}

  static JsonNode strictSchema(Type type) {
    JsonNode schema = GENERATOR.generateSchema(type);
    ((com.fasterxml.jackson.databind.node.ObjectNode) schema).remove("$schema");
    return schema;
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder b =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule())
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
            .with(Option.FLATTENED_ENUMS);
    b.forFields().withRequiredCheck(field -> true);
    return new SchemaGenerator(b.build());
  }
}
