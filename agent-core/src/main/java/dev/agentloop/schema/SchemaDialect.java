package dev.agentloop.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * Which providers a schema must satisfy. Providers behind OpenRouter disagree about JSON Schema;
 * {@link SchemaLinter} adapts a schema to the chosen dialect where that is safe (and notes each
 * rewrite) and rejects it with a message naming the rule where it is not.
 *
 * <p>Rules by dialect, from the providers' documentation (OpenAI structured outputs "supported
 * schemas", Gemini function declarations, Anthropic {@code input_schema}):
 *
 * <table>
 *   <caption>Dialect rules</caption>
 *   <tr><th>rule</th><th>PORTABLE</th><th>OPENAI_STRICT</th><th>NONE</th></tr>
 *   <tr><td>{@code $ref} to a non-recursive {@code $defs} entry</td><td>inlined</td>
 *       <td>inlined</td><td>kept</td></tr>
 *   <tr><td>recursive type (needs {@code $ref})</td><td>rejected</td><td>kept</td>
 *       <td>kept</td></tr>
 *   <tr><td>root is not {@code type: object}, or has {@code anyOf}/{@code oneOf}/{@code
 *       allOf}</td><td>rejected</td><td>rejected</td><td>kept</td></tr>
 *   <tr><td>object schema without properties ({@code Object}, {@code JsonNode})</td>
 *       <td>rejected</td><td>rejected</td><td>kept</td></tr>
 *   <tr><td>{@code required} names missing from {@code properties}</td><td>rejected</td>
 *       <td>rejected</td><td>kept</td></tr>
 *   <tr><td>free-form map ({@code additionalProperties} with a schema)</td><td>rejected</td>
 *       <td>rejected</td><td>kept</td></tr>
 *   <tr><td>type list such as {@code ["string", "null"]}</td><td>one type (optional
 *       property) or {@code anyOf}</td><td>kept</td><td>kept</td></tr>
 *   <tr><td>string formats</td><td>{@code date-time} kept; {@code date}, {@code time}, {@code
 *       uuid} become a {@code pattern}; others removed</td><td>{@code date-time}, {@code time},
 *       {@code date}, {@code duration}, {@code email}, {@code hostname}, {@code ipv4}, {@code
 *       ipv6}, {@code uuid} kept; others ({@code uri}) removed</td><td>kept</td></tr>
 *   <tr><td>{@code contentEncoding}</td><td>removed</td><td>removed</td><td>kept</td></tr>
 *   <tr><td>{@code allOf}, {@code not}, {@code if}, {@code uniqueItems}, {@code
 *       minProperties}, {@code patternProperties}, {@code default}, ...</td><td>kept</td>
 *       <td>removed</td><td>kept</td></tr>
 *   <tr><td>objects nested more than 10 deep</td><td>kept</td><td>rejected</td><td>kept</td></tr>
 * </table>
 *
 * <p>{@link #OPENAI_STRICT} also implies the strict form (every property required, optional ones
 * nullable, {@code additionalProperties: false} everywhere). Whatever the dialect, an argument that
 * is absent and one that is {@code null} mean the same for an optional parameter, and arguments the
 * schema does not declare are reported to the model.
 */
public enum SchemaDialect {
  /** The safest common subset: accepted by OpenAI, Anthropic, Gemini and most open models. */
  PORTABLE,
  /** OpenAI (and OpenRouter) strict mode: the strict form, maps rejected, recursion allowed. */
  OPENAI_STRICT,
  /** No adaptation and no checks: the schema exactly as generated. */
  NONE;

  /**
   * Returns the dialect for a model slug's provider: {@link #OPENAI_STRICT} for {@code openai/},
   * {@link #NONE} for {@code anthropic/} (its {@code input_schema} takes full JSON Schema), and
   * {@link #PORTABLE} for everything else, Gemini ({@code google/}) included.
   *
   * @param model an OpenRouter model slug such as {@code google/gemini-2.5-flash}
   * @return the dialect
   */
  public static SchemaDialect forModel(String model) {
    Objects.requireNonNull(model, "model == null");
    String slug = model.strip().toLowerCase(Locale.ROOT);
    if (slug.startsWith("~")) {
      slug = slug.substring(1);
    }
    if (slug.startsWith("openai/")) {
      return OPENAI_STRICT;
    }
    if (slug.startsWith("anthropic/")) {
      return NONE;
    }
    return PORTABLE;
  }
}
