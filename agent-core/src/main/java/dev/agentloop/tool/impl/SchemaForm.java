package dev.agentloop.tool.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.schema.SchemaLinter;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema a tool is sent with: the dialect's form, strict when asked and possible.
 *
 * @param schema the schema sent and validated against
 * @param strict whether it is sent with {@code strict: true}
 * @param notes what the linter changed, and why strict mode was dropped if it was
 */
record SchemaForm(ObjectNode schema, boolean strict, List<String> notes) {

  /** How the note on a dropped strict mode starts. */
  static final String NOT_STRICT = "sent without strict mode";

  /**
   * Adapts the plain parameter schema to the settings. Strict mode asked for with {@code
   * strict(true)}, or by a dialect chosen from the model, is dropped (with a note) when OpenAI
   * strict mode would refuse the schema; an explicit {@link SchemaDialect#OPENAI_STRICT} fails.
   *
   * @throws IllegalArgumentException if the schema breaks a rule of the dialect
   */
  static SchemaForm of(ObjectNode plain, ToolboxSettings settings) {
    SchemaDialect dialect = settings.dialect();
    boolean wantsStrict = settings.strict() || dialect == SchemaDialect.OPENAI_STRICT;
    List<String> notes = new ArrayList<>();
    if (wantsStrict) {
      ObjectNode strictForm = strictForm(plain);
      try {
        SchemaLinter.Adapted openAi = SchemaLinter.lint(strictForm, SchemaDialect.OPENAI_STRICT);
        if (dialect == SchemaDialect.OPENAI_STRICT) {
          return new SchemaForm(openAi.schema(), true, openAi.notes());
        }
        SchemaLinter.Adapted adapted = SchemaLinter.lint(strictForm, dialect);
        return new SchemaForm(adapted.schema(), true, adapted.notes());
      } catch (IllegalArgumentException e) {
        if (dialect == SchemaDialect.OPENAI_STRICT && !settings.autoDialect()) {
          throw e;
        }
        notes.add(NOT_STRICT + ", which OpenAI would refuse: " + e.getMessage());
      }
      if (dialect == SchemaDialect.OPENAI_STRICT) {
        dialect = SchemaDialect.NONE;
      }
    }
    SchemaLinter.Adapted adapted = SchemaLinter.lint(plain, dialect);
    notes.addAll(adapted.notes());
    return new SchemaForm(adapted.schema(), false, notes);
  }

  private static ObjectNode strictForm(ObjectNode plain) {
    ObjectNode schema = JsonSchemas.strict(plain);
    // Strict mode does not take defaults; they are applied when the argument comes as null.
    schema.findParents("default").forEach(node -> ((ObjectNode) node).remove("default"));
    return schema;
  }
}
