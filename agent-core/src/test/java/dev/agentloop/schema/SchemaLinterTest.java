package dev.agentloop.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Dialect rules: what is adapted and what is rejected, with which message. */
class SchemaLinterTest {

  private static JsonNode json(String text) throws Exception {
    return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void nonRecursiveReferencesAreInlined() throws Exception {
    JsonNode schema = json("{'type':'object','properties':{'a':{'$ref':'#/$defs/P','description':'A'},"
        + "'b':{'$ref':'#/$defs/P'}},'$defs':{'P':{'type':'object','properties':{'x':{'type':'string'}}}}}");
    assertThat(SchemaLinter.adapt(schema, SchemaDialect.PORTABLE)).isEqualTo(json("{'type':'object',"
        + "'properties':{'a':{'description':'A','type':'object','properties':{'x':{'type':'string'}}},"
        + "'b':{'type':'object','properties':{'x':{'type':'string'}}}}}"));
    assertThat(SchemaLinter.adapt(schema, SchemaDialect.NONE)).isEqualTo(schema);
  }

  @Test
  void recursiveReferencesAreKeptOnlyWhereAllowed() throws Exception {
    JsonNode schema = json("{'type':'object','properties':{'root':{'$ref':'#/$defs/N'}},"
        + "'$defs':{'N':{'type':'object','properties':{'kids':{'type':'array','items':{'$ref':'#/$defs/N'}}}}}}");
    assertThatThrownBy(() -> SchemaLinter.adapt(schema, SchemaDialect.PORTABLE)).hasMessage("the schema"
        + " needs $ref for the recursive type `N`, and some providers reject $ref; use"
        + " SchemaDialect.OPENAI_STRICT or NONE, or make the type non-recursive");
    assertThat(SchemaLinter.adapt(schema, SchemaDialect.OPENAI_STRICT).at("/$defs/N")).isNotEmpty();
  }

  @Test
  void emptyObjectsAndAnyValuesAreRejected() throws Exception {
    assertThatThrownBy(() -> SchemaLinter.adapt(
            json("{'type':'object','properties':{'meta':{'type':'object'}}}"), SchemaDialect.PORTABLE))
        .hasMessage("the object schema at `/properties/meta` has no properties, which Gemini rejects;"
            + " give the type properties, or use SchemaDialect.NONE");
    assertThatThrownBy(() -> SchemaLinter.adapt(
            json("{'type':'object','properties':{'any':{}}}"), SchemaDialect.PORTABLE))
        .hasMessage("the schema at `/properties/any` accepts any value (a parameter of type Object or"
            + " JsonNode?), which several providers reject; use a concrete type, or SchemaDialect.NONE");
  }

  @Test
  void requiredNamesMustBeProperties() throws Exception {
    assertThatThrownBy(() -> SchemaLinter.adapt(
            json("{'type':'object','properties':{'a':{'type':'string'}},'required':['a','b']}"),
            SchemaDialect.PORTABLE))
        .hasMessage("the schema at `` requires `b`, which is not among its properties; Gemini rejects that");
  }

  @Test
  void mapsAreRejectedByGeminiAndOpenAiStrict() throws Exception {
    JsonNode schema = json("{'type':'object','properties':{'tags':{'type':'object',"
        + "'additionalProperties':{'type':'string'}}}}");
    assertThat(SchemaLinter.adapt(schema, SchemaDialect.NONE)).isEqualTo(schema);
    assertThatThrownBy(() -> SchemaLinter.adapt(schema, SchemaDialect.PORTABLE)).hasMessage("the"
        + " schema at `/properties/tags` is a free-form map (additionalProperties with a schema), which"
        + " Gemini rejects; use a record or a list of entries, or SchemaDialect.NONE");
    assertThatThrownBy(() -> SchemaLinter.adapt(schema, SchemaDialect.OPENAI_STRICT)).hasMessage("the"
        + " schema at `/properties/tags` is a free-form map (additionalProperties with a schema), which"
        + " OpenAI strict mode rejects; use a record or a list of entries, or SchemaDialect.NONE");
  }

  @Test
  void rootMustBeAnObject() throws Exception {
    assertThatThrownBy(() -> SchemaLinter.adapt(json("{'type':'string'}"), SchemaDialect.PORTABLE))
        .hasMessage("the root of the schema must be `type: object`, as providers require; got \"string\"");
  }
}
