package dev.agentloop.tool.impl;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance matrix: every catalogue type as a tool parameter × every dialect. For Java
 * values: value → JSON → checked against the exact schema sent → bound → equal to the value. For
 * JSON generated from the exact schema sent (every nullable branch included): checked → bound.
 * Cells a dialect cannot express must fail when the toolbox is built, with the rule named.
 *
 * <p>Each cell is one dynamic test drawing {@link #TRIES_PER_CELL} values from a {@link Gen}
 * seeded from the cell name (edge cases first); a failure names the cell, the seed and the value,
 * and {@code -Dagentloop.matrix.seed=<seed>} replays it.
 */
class TypeDialectMatrixTest {

  /** Tries per cell and property. */
  static final int TRIES_PER_CELL = 20;

  /** The catalogue's 43 types × 3 dialects, less the 3 cells a dialect rejects. */
  static final int CELL_COUNT = 126;

  private static final ObjectMapper MAPPER = JsonSchemas.objectMapper();
  private static final Catalogue.Tools TOOLS = new Catalogue.Tools();
  private static final Map<String, String> REJECTED = new LinkedHashMap<>();
  private static final List<Cell> CELLS = cells();

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

  @Test
  void catalogueCoversAtLeastThirtyTypesInEveryDialect() {
    assertThat(Catalogue.entries()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(CELLS).hasSize(CELL_COUNT);
    for (SchemaDialect dialect : SchemaDialect.values()) {
      assertThat(CELLS.stream().filter(c -> c.dialect() == dialect)).hasSizeGreaterThanOrEqualTo(30);
    }
  }

  @Test
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

  @Test
  void everySchemaSentIsAValidJsonSchema() {
    for (Cell cell : CELLS) {
      assertThat(SchemaValidator.metaSchema().validate(cell.tool().spec().parameters()))
          .as(cell.name())
          .isEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> javaValuesRoundTripThroughTheSchemaSent() {
    assertThat(CELLS).hasSize(CELL_COUNT);
    return CELLS.stream().map(cell -> DynamicTest.dynamicTest(named("java values", cell.name()), () -> {
      MethodTool tool = cell.tool();
      int tries = Gen.check("java values " + cell.name(), cell.entry().values(), TRIES_PER_CELL,
          Catalogue::show, value -> {
            String text = "{\"value\":" + MAPPER.writeValueAsString(value) + "}";
            ObjectNode arguments = checked(tool, text);
            Object bound = Binder.bind(tool, arguments, null)[0];
            assertThat(Catalogue.same(bound, value))
                .as("bound %s from %s", Catalogue.show(bound), text)
                .isTrue();
          });
      everyCellTried(cell, tries);
    }));
  }

  @TestFactory
  Stream<DynamicTest> jsonValidAgainstTheSchemaSentBinds() {
    assertThat(CELLS).hasSize(CELL_COUNT);
    return CELLS.stream().map(cell -> DynamicTest.dynamicTest(named("schema json", cell.name()), () -> {
      MethodTool tool = cell.tool();
      Gen<JsonNode> json = SchemaJson.valid(tool.spec().parameters());
      int tries = Gen.check("schema json " + cell.name(), json, TRIES_PER_CELL,
          String::valueOf, node -> {
            assertThat(tool.validator().validate(node)).as("generated JSON").isEmpty();
            ObjectNode arguments = checked(tool, node.toString());
            assertThat(Binder.bind(tool, arguments, null)).hasSize(1);
          });
      everyCellTried(cell, tries);
    }));
  }

  /** The display name of a cell's dynamic test: the cell and its seed. */
  static String named(String property, String cell) {
    return cell + " (seed " + Gen.seed(property + " " + cell) + ")";
  }

  /** Fails the cell unless it got a fair share of the tries. */
  private static void everyCellTried(Cell cell, int tries) {
    assertThat(tries).as("tries of %s", cell.name()).isGreaterThanOrEqualTo(3);
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
}
