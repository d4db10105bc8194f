package dev.agentloop.tool.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import dev.agentloop.internal.Generators;
import dev.agentloop.schema.JsonSchemas;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one object schema of a tool's parameters: properties in declaration order, shared
 * {@code $defs}, descriptions, defaults, and Jakarta constraints written on the parameters.
 */
final class ParameterSchemas {

  private ParameterSchemas() {}

  /** Returns the plain (non-strict, unlinted) schema of the bindings' arguments. */
  static ObjectNode objectSchema(List<ParamBinding> bindings) {
    SchemaBuilder builder = Generators.GENERATOR.buildMultipleSchemaDefinitions();
    List<ObjectNode> nodes = new ArrayList<>();
    for (ParamBinding binding : bindings) {
      nodes.add(binding.isArgument() ? builder.createSchemaReference(binding.schemaType()) : null);
    }
    ObjectNode defs = builder.collectDefinitions("$defs");
    ObjectNode root = JsonSchemas.objectMapper().createObjectNode().put("type", "object");
    ObjectNode properties = root.putObject("properties");
    List<String> required = new ArrayList<>();
    for (int i = 0; i < bindings.size(); i++) {
      ParamBinding binding = bindings.get(i);
      ObjectNode node = nodes.get(i);
      if (node == null) {
        continue;
      }
      if (!binding.description().isEmpty()) {
        node.put("description", binding.description());
      }
      if (binding.defaultValue() != null) {
        node.set("default", binding.defaultValue());
      }
      constraints(node, binding.parameter());
      properties.set(binding.name(), node);
      if (binding.required()) {
        required.add(binding.name());
      }
    }
    if (!required.isEmpty()) {
      required.forEach(root.putArray("required")::add);
    }
    if (!defs.isEmpty()) {
      root.set("$defs", defs);
    }
    return root;
  }

  /** Writes the Jakarta constraints of a method parameter as keywords. */
  private static void constraints(ObjectNode node, Parameter parameter) {
    boolean text = "string".equals(node.path("type").asText());
    boolean array = "array".equals(node.path("type").asText());
    Min min = parameter.getAnnotation(Min.class);
    if (min != null) {
      node.put("minimum", min.value());
    }
    Max max = parameter.getAnnotation(Max.class);
    if (max != null) {
      node.put("maximum", max.value());
    }
    DecimalMin decimalMin = parameter.getAnnotation(DecimalMin.class);
    if (decimalMin != null) {
      node.put(
          decimalMin.inclusive() ? "minimum" : "exclusiveMinimum",
          new java.math.BigDecimal(decimalMin.value()));
    }
    DecimalMax decimalMax = parameter.getAnnotation(DecimalMax.class);
    if (decimalMax != null) {
      node.put(
          decimalMax.inclusive() ? "maximum" : "exclusiveMaximum",
          new java.math.BigDecimal(decimalMax.value()));
    }
    if (parameter.isAnnotationPresent(Positive.class)) {
      node.put("exclusiveMinimum", 0);
    }
    if (parameter.isAnnotationPresent(PositiveOrZero.class)) {
      node.put("minimum", 0);
    }
    if (parameter.isAnnotationPresent(Negative.class)) {
      node.put("exclusiveMaximum", 0);
    }
    if (parameter.isAnnotationPresent(NegativeOrZero.class)) {
      node.put("maximum", 0);
    }
    Size size = parameter.getAnnotation(Size.class);
    if (size != null) {
      if (size.min() > 0) {
        node.put(text ? "minLength" : array ? "minItems" : "minProperties", size.min());
      }
      if (size.max() < Integer.MAX_VALUE) {
        node.put(text ? "maxLength" : array ? "maxItems" : "maxProperties", size.max());
      }
    }
    Pattern pattern = parameter.getAnnotation(Pattern.class);
    if (pattern != null) {
      node.put("pattern", pattern.regexp());
    }
    if (parameter.isAnnotationPresent(Email.class)) {
      node.put("format", "email");
    }
    if (parameter.isAnnotationPresent(NotBlank.class)
        || parameter.isAnnotationPresent(NotEmpty.class)) {
      node.put(text ? "minLength" : "minItems", 1);
    }
  }
}
