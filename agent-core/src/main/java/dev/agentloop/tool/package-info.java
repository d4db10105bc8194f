/**
 * Tools: {@link dev.agentloop.tool.Tool}-annotated Java methods become JSON-schema tool definitions
 * in a {@link dev.agentloop.tool.Toolbox}, invoked with validated, bound arguments.
 */
@NullMarked
package dev.agentloop.tool;

import org.jspecify.annotations.NullMarked;
