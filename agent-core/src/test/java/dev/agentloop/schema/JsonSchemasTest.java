package dev.agentloop.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** One exact schema per kind of type, the strict form, and meta-schema validity of all of them. */
class JsonSchemasTest {

  enum Unit {
    @JsonProperty("celsius") CELSIUS,
    @JsonProperty("fahrenheit") FAHRENHEIT
  }

  record Item(
      @JsonPropertyDescription("Stock keeping unit") String sku,
      @Min(1) @Max(99) int qty,
      Optional<String> note,
      @Nullable String gift) {}

  record Order(@JsonProperty("order_id") UUID id, List<Item> items, @JsonIgnore String secret) {}

  /** A POJO: only annotated fields are required. */
  public static class Contact {
    @JsonProperty(required = true)
    @Email
    public String email;

    @NotNull @Size(min = 2, max = 40) public String name;

    @Pattern(regexp = "^\\+[0-9]+$")
    public String phone;
  }

  record Node(String label, List<Node> children) {}

  record Page<T>(List<T> items, int total) {}

  private static JsonNode json(String text) throws Exception {
    return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
  }

  private static void assertSchema(Type type, String expected) throws Exception {
    JsonNode schema = JsonSchemas.forType(type);
    // Re-read so numbers compare by value, not by node class (victools writes some as decimals).
    assertThat(json(schema.toString())).isEqualTo(json(expected));
    assertThat(SchemaValidator.metaSchema().validate(schema)).isEmpty();
    assertThat(SchemaValidator.metaSchema().validate(JsonSchemas.forType(type, true))).isEmpty();
  }

  @Test
  void primitivesAndBoxes() throws Exception {
    assertSchema(int.class, "{'type':'integer'}");
    assertSchema(Long.class, "{'type':'integer'}");
    assertSchema(double.class, "{'type':'number'}");
    assertSchema(Boolean.class, "{'type':'boolean'}");
    assertSchema(String.class, "{'type':'string'}");
    assertSchema(BigDecimal.class, "{'type':'number'}");
    assertSchema(BigInteger.class, "{'type':'integer'}");
  }

  @Test
  void enumsUseJacksonNames() throws Exception {
    assertSchema(Unit.class, "{'type':'string','enum':['celsius','fahrenheit']}");
  }

  @Test
  void formattedStrings() throws Exception {
    assertSchema(LocalDate.class, "{'type':'string','format':'date'}");
    assertSchema(Instant.class, "{'type':'string','format':'date-time'}");
    assertSchema(OffsetDateTime.class, "{'type':'string','format':'date-time'}");
    assertSchema(LocalTime.class,
        "{'type':'string','pattern':'^[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\\\.[0-9]{1,9})?$'}");
    assertSchema(Duration.class, "{'type':'string','pattern':'^-?P(-?[0-9]+D)?(T(-?[0-9]+H)?"
        + "(-?[0-9]+M)?(-?[0-9]+(\\\\.[0-9]{1,9})?S)?)?$'}");
    assertSchema(UUID.class, "{'type':'string','format':'uuid'}");
    assertThat(JsonSchemas.forType(URI.class).path("format").asText()).isEqualTo("uri");
    assertThat(JsonSchemas.forType(URI.class).path("pattern").asText())
        .isEqualTo(dev.agentloop.schema.impl.JavaTypes.URI);
  }

  @Test
  void arraysCollectionsAndMaps() throws Exception {
    assertSchema(String[].class, "{'type':'array','items':{'type':'string'}}");
    assertSchema(new TypeReference<List<Integer>>() {}.getType(), "{'type':'array','items':{'type':'integer'}}");
    assertSchema(new TypeReference<Set<Unit>>() {}.getType(),
        "{'type':'array','items':{'type':'string','enum':['celsius','fahrenheit']}}");
    assertSchema(new TypeReference<Map<String, Double>>() {}.getType(),
        "{'type':'object','additionalProperties':{'type':'number'}}");
  }

  @Test
  void recordsFollowJacksonAndTheRequiredRule() throws Exception {
    String item = "{'type':'object','properties':{"
        + "'sku':{'type':'string','description':'Stock keeping unit'},"
        + "'qty':{'type':'integer','minimum':1,'maximum':99},"
        + "'note':{'type':['string','null']},"
        + "'gift':{'type':'string'}},"
        + "'required':['sku','qty']}";
    assertSchema(Item.class, item);
    assertSchema(Order.class, "{'type':'object','properties':{"
        + "'order_id':{'type':'string','format':'uuid'},"
        + "'items':{'type':'array','items':" + item + "}},"
        + "'required':['order_id','items']}");
  }

  @Test
  void pojosAreRequiredOnlyWhenAnnotated() throws Exception {
    assertSchema(Contact.class, "{'type':'object','properties':{"
        + "'email':{'type':'string','format':'email'},"
        + "'name':{'type':'string','minLength':2,'maxLength':40},"
        + "'phone':{'type':'string','pattern':'^\\\\+[0-9]+$'}},"
        + "'required':['email','name']}");
  }

  @Test
  void genericsAreResolved() throws Exception {
    assertSchema(new TypeReference<Page<Unit>>() {}.getType(), "{'type':'object','properties':{"
        + "'items':{'type':'array','items':{'type':'string','enum':['celsius','fahrenheit']}},"
        + "'total':{'type':'integer'}},'required':['items','total']}");
  }

  @Test
  void recursiveTypesUseReferences() throws Exception {
    assertSchema(Node.class, "{'type':'object','properties':{'label':{'type':'string'},"
        + "'children':{'type':'array','items':{'$ref':'#'}}},'required':['label','children']}");
  }

  @Test
  void strictFormRequiresEverythingAndMakesOptionalsNullable() throws Exception {
    record Holder(Item item, Optional<Unit> unit) {}
    JsonNode strict = JsonSchemas.forType(Holder.class, true);
    assertThat(json(strict.toString())).isEqualTo(json("{'type':'object','properties':{"
        + "'item':{'type':'object','properties':{"
        + "'sku':{'type':'string','description':'Stock keeping unit'},"
        + "'qty':{'type':'integer','minimum':1,'maximum':99},"
        + "'note':{'type':['string','null']},"
        + "'gift':{'type':['string','null']}},"
        + "'required':['sku','qty','note','gift'],'additionalProperties':false},"
        + "'unit':{'anyOf':[{'type':'null'},{'type':'string','enum':['celsius','fahrenheit']}]}},"
        + "'required':['item','unit'],'additionalProperties':false}"));
    assertThat(SchemaValidator.metaSchema().validate(strict)).isEmpty();
  }
}
