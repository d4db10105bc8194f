package dev.agentloop.schema;

/**
 * Which providers a schema must satisfy. Providers behind OpenRouter disagree about JSON Schema;
 * {@link SchemaLinter} adapts a schema to the chosen dialect where that is safe and rejects it with
 * a message naming the rule where it is not.
 *
 * <p>Rules by dialect:
 *
 * <table>
 *   <caption>Dialect rules</caption>
 *   <tr><th>rule</th><th>PORTABLE</th><th>OPENAI_STRICT</th><th>NONE</th></tr>
 *   <tr><td>{@code $ref} to a non-recursive {@code $defs} entry</td><td>inlined</td>
 *       <td>inlined</td><td>kept</td></tr>
 *   <tr><td>recursive type (needs {@code $ref})</td><td>rejected</td><td>kept</td>
 *       <td>kept</td></tr>
 *   <tr><td>object schema without properties ({@code Object}, {@code JsonNode})</td>
 *       <td>rejected</td><td>rejected</td><td>kept</td></tr>
 *   <tr><td>{@code required} names missing from {@code properties}</td><td>rejected</td>
 *       <td>rejected</td><td>kept</td></tr>
 *   <tr><td>free-form map ({@code additionalProperties} with a schema)</td><td>kept</td>
 *       <td>rejected</td><td>kept</td></tr>
 *   <tr><td>root is not {@code type: object}</td><td>rejected</td><td>rejected</td>
 *       <td>kept</td></tr>
 * </table>
 *
 * <p>Formats ({@code date}, {@code date-time}, {@code uuid}, {@code uri}, ...) are always added by
 * the generator. {@link #OPENAI_STRICT} also implies the strict form (every property required,
 * optional ones nullable, {@code additionalProperties: false} everywhere).
 */
public enum SchemaDialect {
  /** The safest common subset: accepted by OpenAI, Anthropic, Gemini and most open models. */
  PORTABLE,
  /** OpenAI (and OpenRouter) strict mode: the strict form, maps rejected, recursion allowed. */
  OPENAI_STRICT,
  /** No adaptation and no checks: the schema exactly as generated. */
  NONE
}
