/**
 * JSON Schema for Java types and validation of JSON against it: {@link
 * dev.agentloop.schema.JsonSchemas} generates JSON Schema 2020-12 (optionally in OpenAI strict
 * form), {@link dev.agentloop.schema.SchemaLinter} adapts a schema to what providers behind
 * OpenRouter accept, and {@link dev.agentloop.schema.SchemaValidator} checks JSON against a schema
 * with messages a model can act on.
 */
@NullMarked
package dev.agentloop.schema;

import org.jspecify.annotations.NullMarked;
