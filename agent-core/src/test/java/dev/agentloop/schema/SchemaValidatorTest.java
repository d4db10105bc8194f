package dev.agentloop.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation messages: JSON pointers, expected vs. got, argument wording. */
class SchemaValidatorTest {

  record Line(String sku, @jakarta.validation.constraints.Min(1) int qty) {}

  record Cart(List<Line> items, @jakarta.validation.constraints.Size(max = 3) String code) {}

  private static JsonNode json(String text) throws Exception {
    return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void messagesNameThePlaceTheExpectationAndTheValue() throws Exception {
    SchemaValidator validator = SchemaValidator.of(JsonSchemas.forType(Cart.class));
    List<SchemaViolation> violations =
        validator.validate(json("{'items':[{'sku':'a','qty':0},{'qty':'2'}],'code':'ABCD'}"));
    assertThat(violations).extracting(SchemaViolation::message).containsExactly(
        "`/code` must have at most 3 characters; got 4",
        "`/items/0/qty` must be >= 1; got 0",
        "`/items/1/qty` must be an integer; got \"2\"",
        "missing required property `/items/1/sku`");
    assertThat(violations.get(1).path()).isEqualTo("/items/0/qty");
    assertThat(violations.get(1).keyword()).isEqualTo("minimum");
    assertThat(validator.validate(json("{'items':[],'code':'A'}"))).isEmpty();
  }

  @Test
  void argumentValidatorSpeaksOfArguments() throws Exception {
    SchemaValidator validator = SchemaValidator.forArguments(JsonSchemas.forType(Cart.class, true));
    assertThat(SchemaValidator.describe(validator.validate(json("{'items':[],'extra':1}")))).isEqualTo(
        "missing required argument `code`; unknown argument `extra`");
  }

  @Test
  void invalidSchemasAndTheMetaSchema() throws Exception {
    assertThat(SchemaValidator.metaSchema().validate(json("{'type':'object','minProperties':-1}")))
        .extracting(SchemaViolation::message)
        .containsExactly("`/minProperties` must be >= 0; got -1");
    assertThatThrownBy(() -> SchemaValidator.of(json("{'$ref':'#/$defs/missing'}")).validate(json("1")))
        .isInstanceOf(RuntimeException.class);
  }
}
