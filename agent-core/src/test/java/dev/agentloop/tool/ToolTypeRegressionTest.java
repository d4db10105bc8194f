package dev.agentloop.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.schema.impl.JavaTypes;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.vertx.core.Vertx;
import jakarta.validation.constraints.Max;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One regression test per defect of issue 12: ordinary Java types a new user would write. */
@Timeout(10)
class ToolTypeRegressionTest {

  record Stop(String city, @Nullable String note, Optional<Integer> nights) {}

  /** Tools whose results show exactly what was bound. */
  public static final class Tools {
    @Tool(description = "Retries a job")
    public String retry(
        @Param(description = "Job") String job,
        @Param(description = "Note", required = false) @Nullable String note,
        @Param(description = "Retries", required = false) @Nullable Integer retries,
        Optional<String> tag) {
      return job + "/" + note + "/" + retries + "/" + tag.orElse("-");
    }

    @Tool(description = "Stores bytes")
    public String bytes(byte[] data, byte level) {
      return Arrays.toString(data) + "/" + level;
    }

    @Tool(description = "Adds money")
    public String money(BigDecimal amount) {
      return amount.toPlainString() + "/" + amount.scale();
    }

    @Tool(description = "Schedules")
    public String schedule(LocalTime at, LocalDateTime on) {
      return at + "/" + on;
    }

    @Tool(description = "Measures")
    public Duration measure() {
      return Duration.ofMinutes(90);
    }

    @Tool(description = "Plans a stop")
    public String stop(Stop stop) {
      return stop.toString();
    }

    @Tool(description = "Scales")
    public String scale(double factor) {
      return String.valueOf(factor);
    }

    @Tool(description = "Opens a page")
    public String open(URI site, UUID id, Optional<Stop> next) {
      return site + "/" + id;
    }
  }

  /** A tool with a map parameter, which OpenAI strict mode and Gemini cannot express. */
  public static final class MapTools {
    @Tool(description = "Tags")
    public String tag(Map<String, String> tags) {
      return tags.toString();
    }
  }

  /** Tools declared out of name order. */
  public static final class Ordered {
    @Tool(description = "Z")
    public String zeta() {
      return "z";
    }

    @Tool(description = "A")
    public String alpha() {
      return "a";
    }

    @Tool(description = "M")
    public String mu() {
      return "m";
    }
  }

  /** A default value that breaks its own constraint. */
  public static final class BadDefault {
    @Tool(description = "Retries")
    public String retry(@Param(defaultValue = "99") @Max(10) Integer retries) {
      return "x";
    }
  }

  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private ToolResult call(Toolbox toolbox, String name, String arguments) {
    return toolbox
        .invoke(ToolCall.of("c1", name, arguments), ToolContext.of(vertx, "run", "ignored"))
        .await();
  }

  private static JsonNode parameters(Toolbox toolbox, String name) {
    return toolbox.find(name).orElseThrow().parameters();
  }

  private static JsonNode json(String text) throws Exception {
    return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void strictOptionalArgumentsMayBeNullOrLeftOut() {
    for (Toolbox toolbox :
        new Toolbox[] {
          Toolbox.builder().add(new Tools()).dialect(SchemaDialect.OPENAI_STRICT).build(),
          Toolbox.builder().add(new Tools()).strict(true).build()
        }) {
      assertThat(call(toolbox, "retry", "{'job':'a','note':null,'retries':null,'tag':null}"
              .replace('\'', '"')).content()).isEqualTo("a/null/null/-");
      assertThat(call(toolbox, "retry", "{\"job\":\"a\"}").content()).isEqualTo("a/null/null/-");
      assertThat(call(toolbox, "retry", "{\"job\":\"a\",\"retries\":3}").content())
          .isEqualTo("a/null/3/-");
    }
  }

  @Test
  void byteArraysAreBase64AndBytesAreSmallIntegers() throws Exception {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    String base64 = "^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
    assertThat(parameters(toolbox, "bytes").get("properties")).isEqualTo(json("{'data':{'type':"
        + "'string','pattern':'" + base64 + "'},'level':{'type':'integer','minimum':-128,"
        + "'maximum':127}}"));
    Toolbox none = Toolbox.builder().add(new Tools()).dialect(SchemaDialect.NONE).build();
    assertThat(parameters(none, "bytes").at("/properties/data"))
        .isEqualTo(json("{'type':'string','pattern':'" + base64 + "','contentEncoding':'base64'}"));
    assertThat(call(toolbox, "bytes", "{\"data\":\"AQL/\",\"level\":-3}").content())
        .isEqualTo("[1, 2, -1]/-3");
    assertThat(call(toolbox, "bytes", "{\"data\":\"AQI=\",\"level\":200}").content())
        .isEqualTo("invalid arguments for tool `bytes`: argument `level` must be <= 127; got 200");
  }

  @Test
  void bigDecimalsKeepEveryDigitAndTheirScale() {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    assertThat(call(toolbox, "money", "{\"amount\":0.10}").content()).isEqualTo("0.10/2");
    assertThat(call(toolbox, "money", "{\"amount\":12345678901234567890.123456789}").content())
        .isEqualTo("12345678901234567890.123456789/9");
  }

  @Test
  void localTimesAreCalledWithoutOffsetAndDurationsRenderAsIso() {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    assertThat(call(toolbox, "schedule", "{\"at\":\"10:15:30\",\"on\":\"2024-05-31T10:15:30\"}")
        .content()).isEqualTo("10:15:30/2024-05-31T10:15:30");
    assertThat(call(toolbox, "schedule", "{\"at\":\"10:15:30Z\",\"on\":\"2024-05-31T10:15:30\"}")
        .content()).isEqualTo("invalid arguments for tool `schedule`: argument `at` must be a local"
            + " time such as 14:30:00; got \"10:15:30Z\"");
    assertThat(call(toolbox, "measure", "{}").content()).isEqualTo("\"PT1H30M\"");
  }

  @Test
  void explicitNullForANullableComponentIsAccepted() {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    assertThat(call(toolbox, "stop", "{\"stop\":{\"city\":\"Oslo\",\"note\":null,\"nights\":null}}")
        .content()).isEqualTo("Stop[city=Oslo, note=null, nights=Optional.empty]");
  }

  @Test
  void openAiStrictDropsFormatsOpenAiRejects() throws Exception {
    Toolbox toolbox =
        Toolbox.builder().add(new Tools()).dialect(SchemaDialect.OPENAI_STRICT).build();
    // format uri is gone; the pattern that replaces it still checks the text.
    assertThat(parameters(toolbox, "open").at("/properties/site"))
        .isEqualTo(JsonSchemas.objectMapper().createObjectNode().put("type", "string")
            .put("pattern", JavaTypes.URI));
    assertThat(parameters(toolbox, "open").at("/properties/id"))
        .isEqualTo(json("{'type':'string','format':'uuid'}"));
  }

  @Test
  void strictIsNotSentWithASchemaOpenAiWouldRefuse() throws Exception {
    Toolbox toolbox =
        Toolbox.builder().add(new MapTools()).strict(true).dialect(SchemaDialect.NONE).build();
    assertThat(toolbox.find("tag").orElseThrow().strict()).isFalse();
    assertThat(toolbox.definitions().get(0).function().strict()).isNull();
    assertThat(parameters(toolbox, "tag").at("/properties/tags/additionalProperties"))
        .isEqualTo(json("{'type':'string'}"));
    assertThatThrownBy(
            () -> Toolbox.builder().add(new MapTools()).dialect(SchemaDialect.OPENAI_STRICT).build())
        .hasMessageContaining("OpenAI strict mode rejects");
  }

  @Test
  void portableFollowsGeminiFunctionDeclarationRules() throws Exception {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    JsonNode open = parameters(toolbox, "open");
    assertThat(open.at("/properties/site"))
        .isEqualTo(JsonSchemas.objectMapper().createObjectNode().put("type", "string")
            .put("pattern", JavaTypes.URI));
    assertThat(open.at("/properties/id/pattern").asText()).startsWith("^[0-9a-fA-F]{8}-");
    assertThat(open.at("/properties/id/format").isMissingNode()).isTrue();
    // Nested Optional: one type, not ["integer", "null"].
    assertThat(open.at("/properties/next/properties/nights")).isEqualTo(json("{'type':'integer'}"));
    assertThat(open.toString()).doesNotContain("\"null\"").doesNotContain("format");
    assertThatThrownBy(() -> Toolbox.builder().add(new MapTools()).build())
        .hasMessageContaining("free-form map (additionalProperties with a schema), which Gemini");
  }

  @Test
  void misspelledArgumentsAreReportedInEveryDialect() {
    for (SchemaDialect dialect : SchemaDialect.values()) {
      Toolbox toolbox = Toolbox.builder().add(new Tools()).dialect(dialect).build();
      assertThat(call(toolbox, "retry", "{\"job\":\"a\",\"retires\":3}").content())
          .as(dialect.name())
          .isEqualTo("invalid arguments for tool `retry`: unknown argument `retires`; the"
              + " arguments are: job, note, retries, tag");
      assertThat(call(toolbox, "stop", "{\"stop\":{\"city\":\"Oslo\",\"nite\":1}}").content())
          .as(dialect.name())
          .isEqualTo("invalid arguments for tool `stop`: unknown argument `/stop/nite`; the"
              + " arguments are: stop");
    }
  }

  @Test
  void defaultValuesAreCheckedAgainstTheirConstraints() {
    assertThatThrownBy(() -> Toolbox.builder().add(new BadDefault()).build())
        .hasMessage("The default value `99` of parameter `retries` breaks its own schema: argument"
            + " `retries` must be <= 10; got 99.\n    for method BadDefault.retry");
  }

  @Test
  void scanningAPackageWithoutToolsFails() {
    assertThatThrownBy(() -> Toolbox.builder().scan("typo.pkg").build())
        .hasMessage("No class with @Tool methods was found in typo.pkg; check the package names and"
            + " that the classes are on the class path.");
  }

  @Test
  void numbersBeyondTheRangeOfDoubleAreRejected() {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    assertThat(call(toolbox, "scale", "{\"factor\":1e400}").error())
        .isEqualTo(ErrorKind.INVALID_ARGUMENTS);
    assertThat(call(toolbox, "scale", "{\"factor\":1e400}").content())
        .startsWith("invalid arguments for tool `scale`: argument `factor` could not be read as"
            + " double: ");
    assertThat(call(toolbox, "scale", "{\"factor\":1.5e300}").content()).isEqualTo("1.5E300");
  }

  @Test
  void toolsAreSentInSourceDeclarationOrder() {
    Toolbox toolbox = Toolbox.builder().add(new Ordered()).add(new Tools()).build();
    assertThat(toolbox.specs().stream().map(ToolSpec::name).limit(5))
        .containsExactly("zeta", "alpha", "mu", "retry", "bytes");
  }

  @Test
  void dialectFollowsTheModelsProvider() {
    assertThat(SchemaDialect.forModel("google/gemini-2.5-flash")).isEqualTo(SchemaDialect.PORTABLE);
    assertThat(SchemaDialect.forModel("openai/gpt-4o")).isEqualTo(SchemaDialect.OPENAI_STRICT);
    assertThat(SchemaDialect.forModel("~openai/gpt-latest")).isEqualTo(SchemaDialect.OPENAI_STRICT);
    assertThat(SchemaDialect.forModel("anthropic/claude-sonnet-4")).isEqualTo(SchemaDialect.NONE);
    assertThat(SchemaDialect.forModel("meta-llama/llama-3.3-70b")).isEqualTo(SchemaDialect.PORTABLE);
    Toolbox openAi = Toolbox.builder().add(new Tools()).dialectFor("openai/gpt-4o").build();
    assertThat(openAi.find("retry").orElseThrow().strict()).isTrue();
    // Chosen from the model, strict mode is dropped for the one schema OpenAI would refuse.
    Toolbox maps = Toolbox.builder().add(new MapTools()).dialectFor("openai/gpt-4o").build();
    assertThat(maps.find("tag").orElseThrow().strict()).isFalse();
    assertThatThrownBy(() -> Toolbox.builder().add(new MapTools()).dialectFor("google/gemini-2.5-pro")
        .build()).hasMessageContaining("which Gemini rejects");
  }
}
