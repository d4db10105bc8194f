package dev.agentloop.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.schema.SchemaValidator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema a tool method's parameters become, plain and strict, as sent to the model. */
class ToolSchemaTest {

  enum Unit {
    @JsonProperty("celsius") CELSIUS,
    @JsonProperty("fahrenheit") FAHRENHEIT
  }

  record Stop(String city, LocalDate day) {}

  static class Trips {
    @Tool(description = "Plans a trip")
    public String plan(
        @Param(description = "Where to start") Stop from,
        @Param(description = "Where to go") Stop to,
        @Param(description = "Travellers") @Min(1) @Max(9) int people,
        @Param(description = "Unit", defaultValue = "celsius") Unit unit,
        Optional<List<String>> tags,
        ToolContext context) {
      return "ok";
    }

    @Tool(description = "No parameters")
    public String ping() {
      return "pong";
    }
  }

  private static JsonNode json(String text) throws Exception {
    return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
  }

  private static JsonNode parameters(Toolbox toolbox, String name) throws Exception {
    JsonNode schema = toolbox.find(name).orElseThrow().parameters();
    assertThat(SchemaValidator.metaSchema().validate(schema)).isEmpty();
    return json(schema.toString());
  }

  // PORTABLE writes format date as a pattern: Gemini knows no other format than date-time.
  private static final String STOP = "{'type':'object','properties':{'city':{'type':'string'},"
      + "'day':{'type':'string','pattern':'^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'}},'required':['city','day']";

  @Test
  void parametersBecomeOneObjectWithSharedTypesInlined() throws Exception {
    Toolbox toolbox = Toolbox.builder().add(new Trips()).build();
    assertThat(parameters(toolbox, "plan")).isEqualTo(json("{'type':'object','properties':{"
        + "'from':" + STOP + ",'description':'Where to start'},"
        + "'to':" + STOP + ",'description':'Where to go'},"
        + "'people':{'type':'integer','description':'Travellers','minimum':1,'maximum':9},"
        + "'unit':{'type':'string','enum':['celsius','fahrenheit'],'description':'Unit','default':'celsius'},"
        + "'tags':{'type':'array','items':{'type':'string'}}},"
        + "'required':['from','to','people']}"));
    assertThat(toolbox.find("plan").orElseThrow().strict()).isFalse();
    assertThat(toolbox.definitions().get(0).function().strict()).isNull();
  }

  @Test
  void strictSchemasRequireEverythingAndCloseEveryObject() throws Exception {
    Toolbox toolbox = Toolbox.builder().add(new Trips()).strict(true).build();
    String stop = STOP + ",'additionalProperties':false";
    assertThat(parameters(toolbox, "plan")).isEqualTo(json("{'type':'object','properties':{"
        + "'from':" + stop + ",'description':'Where to start'},"
        + "'to':" + stop + ",'description':'Where to go'},"
        + "'people':{'type':'integer','description':'Travellers','minimum':1,'maximum':9},"
        + "'unit':{'description':'Unit','anyOf':[{'type':'string','enum':['celsius','fahrenheit']},"
        + "{'type':'null'}]},"
        // Gemini takes one type per schema: a type list becomes anyOf in PORTABLE.
        + "'tags':{'anyOf':[{'type':'array','items':{'type':'string'}},{'type':'null'}]}},"
        + "'required':['from','to','people','unit','tags'],'additionalProperties':false}"));
    assertThat(toolbox.definitions().get(0).function().strict()).isTrue();
  }

  @Test
  void toolWithoutParametersIsSentWithoutParametersInPortable() throws Exception {
    Toolbox toolbox = Toolbox.builder().add(new Trips()).build();
    // Gemini rejects `properties: {}`; OpenRouter's API lets `parameters` be left out.
    assertThat(parameters(toolbox, "ping")).isEqualTo(json("{'type':'object'}"));
    assertThat(toolbox.find("ping").orElseThrow().definition().function().parameters()).isNull();
    Toolbox none = Toolbox.builder().add(new Trips()).dialect(SchemaDialect.NONE).build();
    assertThat(parameters(none, "ping")).isEqualTo(json("{'type':'object','properties':{}}"));
    Toolbox strict = Toolbox.builder().add(new Trips()).dialect(SchemaDialect.OPENAI_STRICT).build();
    assertThat(parameters(strict, "ping"))
        .isEqualTo(json("{'type':'object','properties':{},'required':[],'additionalProperties':false}"));
  }

  @Test
  void noneDialectKeepsTheGeneratedReferences() throws Exception {
    Toolbox toolbox = Toolbox.builder().add(new Trips()).dialect(SchemaDialect.NONE).build();
    JsonNode schema = parameters(toolbox, "plan");
    assertThat(schema.at("/properties/from/$ref").asText()).isEqualTo("#/$defs/Stop");
    assertThat(schema.at("/$defs/Stop")).isEqualTo(json(STOP.replace(
        "'pattern':'^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'", "'format':'date'") + "}"));
  }
}
