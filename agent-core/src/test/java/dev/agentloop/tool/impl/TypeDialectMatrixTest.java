package dev.agentloop.tool.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.tool.ToolErrorPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The conformance matrix: every catalogue type as a tool parameter × every dialect. For Java
 * values: value → JSON → checked against the exact schema sent → bound → equal to the value. For
 * JSON generated from the exact schema sent (every nullable branch included): checked → bound.
 * Cells a dialect cannot express must fail when the toolbox is built, with the rule named.
 */
class TypeDialectMatrixTest {

  /** Tries per cell and property, on average; the cells are drawn uniformly. */
  static final int TRIES_PER_CELL = 20;

  /** The catalogue's 43 types × 3 dialects, less the 3 cells a dialect rejects. */
  static final int CELL_COUNT = 126;

  private static final ObjectMapper MAPPER = JsonSchemas.objectMapper();
  private static final Catalogue.Tools TOOLS = new Catalogue.Tools();
  private static final Map<String, String> REJECTED = new LinkedHashMap<>();
  private static final List<Cell> CELLS = cells();
  private static final Map<Cell, Arbitrary<JsonNode>> JSON = new java.util.concurrent.ConcurrentHashMap<>();

  /** One catalogue type in one dialect, analysed exactly as a toolbox build does. */
  record Cell(Catalogue.Entry entry, SchemaDialect dialect, MethodTool tool) {
    String name() {
      return entry.name() + " × " + dialect;
    }

    @Override
    public String toString() {
      return name();
    }
  }

  record ValueCase(Cell cell, Object value) {
    @Override
    public String toString() {
      return cell.name() + ": " + Catalogue.show(value);
    }
  }

  record JsonCase(Cell cell, JsonNode json) {
    @Override
    public String toString() {
      return cell.name() + ": " + json;
    }
  }

  private static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (Catalogue.Entry entry : Catalogue.entries()) {
      for (SchemaDialect dialect : SchemaDialect.values()) {
        ToolboxSettings settings =
            new ToolboxSettings(
                Duration.ofSeconds(5), 20_000, false, dialect, ToolErrorPolicy.detailed(), false);
        try {
          cells.add(new Cell(entry, dialect, ToolDeclarations.analyze(entry.method(), TOOLS,
              settings)));
        } catch (IllegalArgumentException e) {
          REJECTED.put(entry.name() + " × " + dialect, e.getMessage());
        }
      }
    }
    return cells;
  }

  @Example
  void catalogueCoversAtLeastThirtyTypesInEveryDialect() {
    assertThat(Catalogue.entries()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(CELLS).hasSize(CELL_COUNT);
    for (SchemaDialect dialect : SchemaDialect.values()) {
      assertThat(CELLS.stream().filter(c -> c.dialect() == dialect)).hasSizeGreaterThanOrEqualTo(30);
    }
  }

  @Example
  void onlyTypesADialectCannotExpressAreRejectedAndTheRuleIsNamed() {
    assertThat(REJECTED.keySet())
        .containsExactly(
            "mapOfIntegers × PORTABLE", "mapOfIntegers × OPENAI_STRICT",
            "recursiveRecord × PORTABLE");
    assertThat(REJECTED.get("mapOfIntegers × PORTABLE"))
        .contains("free-form map (additionalProperties with a schema), which Gemini rejects");
    assertThat(REJECTED.get("mapOfIntegers × OPENAI_STRICT"))
        .contains("which OpenAI strict mode rejects");
    assertThat(REJECTED.get("recursiveRecord × PORTABLE"))
        .contains("needs $ref for the recursive type");
  }

  @Example
  void everySchemaSentIsAValidJsonSchema() {
    for (Cell cell : CELLS) {
      assertThat(SchemaValidator.metaSchema().validate(cell.tool().spec().parameters()))
          .as(cell.name())
          .isEmpty();
    }
  }

  @Property(tries = TRIES_PER_CELL * CELL_COUNT)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void javaValuesRoundTripThroughTheSchemaSent(@ForAll("values") ValueCase c)
      throws JsonProcessingException {
    Statistics.label("cell").collect(c.cell().name());
    everyCellTried();
    MethodTool tool = c.cell().tool();
    String text = "{\"value\":" + MAPPER.writeValueAsString(c.value()) + "}";
    ObjectNode arguments = checked(tool, text);
    Object bound = Binder.bind(tool, arguments, null)[0];
    assertThat(Catalogue.same(bound, c.value()))
        .as("%s: bound %s from %s", c, Catalogue.show(bound), text)
        .isTrue();
  }

  @Property(tries = TRIES_PER_CELL * CELL_COUNT)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void jsonValidAgainstTheSchemaSentBinds(@ForAll("json") JsonCase c) {
    Statistics.label("cell").collect(c.cell().name());
    everyCellTried();
    MethodTool tool = c.cell().tool();
    assertThat(tool.validator().validate(c.json())).as("generated JSON, %s", c).isEmpty();
    ObjectNode arguments = checked(tool, c.json().toString());
    assertThat(Binder.bind(tool, arguments, null)).as(c.toString()).hasSize(1);
  }

  /** Fails the property unless every cell got a fair share of the tries. */
  private static void everyCellTried() {
    Statistics.label("cell")
        .coverage(checker -> CELLS.forEach(
            cell -> checker.check(cell.name()).count((Integer n) -> n >= 3)));
  }

  /** The steps of {@code Toolbox.invoke} before the method runs: parse, reconcile, validate. */
  private static ObjectNode checked(MethodTool tool, String text) {
    Object parsed = ToolboxImpl.parse(tool, text);
    assertThat(parsed).as(text).isInstanceOf(ObjectNode.class);
    ObjectNode arguments = (ObjectNode) parsed;
    assertThat(tool.validator().validate(arguments))
        .as("%s against %s", text, tool.spec().parameters())
        .isEmpty();
    return arguments;
  }

  @Provide
  Arbitrary<ValueCase> values() {
    return Arbitraries.of(CELLS)
        .flatMap(cell -> cell.entry().values().map(v -> new ValueCase(cell, v)));
  }

  @Provide
  Arbitrary<JsonCase> json() {
    return Arbitraries.of(CELLS)
        .flatMap(cell -> JSON.computeIfAbsent(cell, c -> SchemaJson.valid(c.tool().spec().parameters()))
            .map(json -> new JsonCase(cell, json)));
  }
}
