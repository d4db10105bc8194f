package dev.agentloop.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.schema.impl.JavaTypes;
import org.junit.jupiter.api.Test;

/**
 * One test per documented provider rule: OpenAI structured outputs ("supported schemas"), Gemini
 * function declarations (an OpenAPI subset), Anthropic {@code input_schema}.
 */
class SchemaDialectRulesTest {

  private static JsonNode json(String text) throws Exception {
    return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
  }

  private static JsonNode property(String schema) throws Exception {
    return json("{'type':'object','properties':{'p':" + schema + "}}");
  }

  private static SchemaLinter.Adapted lint(JsonNode schema, SchemaDialect dialect) {
    return SchemaLinter.lint(schema, dialect);
  }

  @Test
  void geminiTakesOneTypePerSchema() throws Exception {
    SchemaLinter.Adapted optional = lint(property("{'type':['string','null']}"), SchemaDialect.PORTABLE);
    assertThat(optional.schema().at("/properties/p")).isEqualTo(json("{'type':'string'}"));
    assertThat(optional.notes()).containsExactly("`/properties/p`: null dropped from the type;"
        + " Gemini takes one type, and an optional property may be left out instead");
    JsonNode required = json("{'type':'object','properties':{'p':{'type':['integer','null'],"
        + "'description':'d'}},'required':['p']}");
    assertThat(lint(required, SchemaDialect.PORTABLE).schema().at("/properties/p")).isEqualTo(
        json("{'description':'d','anyOf':[{'type':'integer'},{'type':'null'}]}"));
    assertThat(lint(required, SchemaDialect.OPENAI_STRICT).schema()).isEqualTo(required);
  }

  @Test
  void geminiKnowsOnlyTheDateTimeFormat() throws Exception {
    assertThat(lint(property("{'type':'string','format':'date-time'}"), SchemaDialect.PORTABLE)
        .schema().at("/properties/p")).isEqualTo(json("{'type':'string','format':'date-time'}"));
    SchemaLinter.Adapted date = lint(property("{'type':'string','format':'date'}"), SchemaDialect.PORTABLE);
    assertThat(date.schema().at("/properties/p/pattern").asText()).isEqualTo(JavaTypes.DATE);
    assertThat(date.notes()).containsExactly(
        "`/properties/p`: format `date` written as a pattern; Gemini knows only date-time");
    assertThat(lint(property("{'type':'string','format':'uuid'}"), SchemaDialect.PORTABLE)
        .schema().at("/properties/p/pattern").asText()).isEqualTo(JavaTypes.UUID);
    assertThat(lint(property("{'type':'string','format':'time'}"), SchemaDialect.PORTABLE)
        .schema().at("/properties/p/pattern").asText()).isEqualTo(JavaTypes.OFFSET_TIME);
    SchemaLinter.Adapted email = lint(property("{'type':'string','format':'email'}"), SchemaDialect.PORTABLE);
    assertThat(email.schema().at("/properties/p")).isEqualTo(json("{'type':'string'}"));
    assertThat(email.notes()).containsExactly(
        "`/properties/p`: format `email` removed; Gemini knows only date-time");
  }

  @Test
  void geminiLacksConstAndContentEncoding() throws Exception {
    assertThat(lint(property("{'const':'circle'}"), SchemaDialect.PORTABLE).schema()
        .at("/properties/p")).isEqualTo(json("{'enum':['circle']}"));
    assertThat(lint(property("{'type':'string','contentEncoding':'base64'}"), SchemaDialect.PORTABLE)
        .schema().at("/properties/p")).isEqualTo(json("{'type':'string'}"));
  }

  @Test
  void geminiRejectsAnEmptyPropertiesObject() throws Exception {
    SchemaLinter.Adapted root = lint(json("{'type':'object','properties':{},'required':[]}"),
        SchemaDialect.PORTABLE);
    assertThat(root.schema()).isEqualTo(json("{'type':'object'}"));
    assertThat(root.notes()).containsExactly(
        "``: empty `properties` removed; Gemini rejects an empty properties object");
    assertThatThrownBy(() -> lint(property("{'type':'object','properties':{}}"), SchemaDialect.PORTABLE))
        .hasMessage("the object schema at `/properties/p` has no properties, which Gemini rejects;"
            + " give the type properties, or use SchemaDialect.NONE");
  }

  @Test
  void openAiStrictKeepsOnlyTheFormatsItDocuments() throws Exception {
    for (String kept : new String[] {"date-time", "time", "date", "duration", "email", "hostname",
        "ipv4", "ipv6", "uuid"}) {
      assertThat(lint(property("{'type':'string','format':'" + kept + "'}"), SchemaDialect.OPENAI_STRICT)
          .schema().at("/properties/p/format").asText()).isEqualTo(kept);
    }
    SchemaLinter.Adapted uri = lint(property("{'type':'string','format':'uri'}"), SchemaDialect.OPENAI_STRICT);
    assertThat(uri.schema().at("/properties/p")).isEqualTo(json("{'type':'string'}"));
    assertThat(uri.notes()).containsExactly(
        "`/properties/p`: format `uri` removed; OpenAI strict mode rejects it");
  }

  @Test
  void openAiStrictDropsTheKeywordsItDoesNotSupport() throws Exception {
    SchemaLinter.Adapted adapted = lint(property("{'type':'array','items':{'type':'string'},"
        + "'uniqueItems':true,'default':[],'minItems':1}"), SchemaDialect.OPENAI_STRICT);
    assertThat(adapted.schema().at("/properties/p"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'},'minItems':1}"));
    assertThat(adapted.notes()).containsExactly(
        "`/properties/p`: `uniqueItems` removed; OpenAI strict mode does not support it",
        "`/properties/p`: `default` removed; OpenAI strict mode does not support it");
  }

  @Test
  void openAiStrictAllowsTenLevelsOfNesting() throws Exception {
    String nested = "{'type':'string'}";
    for (int i = 0; i < 10; i++) {
      nested = "{'type':'object','properties':{'n':" + nested + "}}";
    }
    JsonNode tenDeep = json(nested);
    assertThat(lint(tenDeep, SchemaDialect.OPENAI_STRICT).schema()).isEqualTo(tenDeep);
    JsonNode elevenDeep = json("{'type':'object','properties':{'n':" + nested + "}}");
    assertThatThrownBy(() -> lint(elevenDeep, SchemaDialect.OPENAI_STRICT))
        .hasMessageStartingWith("the schema nests objects 11 deep at `/properties/n/properties/n/");
    assertThat(lint(elevenDeep, SchemaDialect.PORTABLE).schema()).isEqualTo(elevenDeep);
  }

  @Test
  void rootAlternativesAreRejectedAsAnthropicAndOpenAiRequire() throws Exception {
    assertThatThrownBy(() -> lint(json("{'type':'object','anyOf':[{'properties':{'a':"
            + "{'type':'string'}}}]}"), SchemaDialect.PORTABLE))
        .hasMessage("the root of the schema has `anyOf`, which Anthropic and OpenAI reject at the"
            + " root; wrap the alternatives in a property");
    assertThat(lint(json("{'anyOf':[]}"), SchemaDialect.NONE).schema()).isEqualTo(json("{'anyOf':[]}"));
  }

  @Test
  void noneChangesNothingAndNotesNothing() throws Exception {
    JsonNode schema = property("{'type':['string','null'],'format':'uri'}");
    assertThat(lint(schema, SchemaDialect.NONE).schema()).isEqualTo(schema);
    assertThat(lint(schema, SchemaDialect.NONE).notes()).isEmpty();
  }
}
