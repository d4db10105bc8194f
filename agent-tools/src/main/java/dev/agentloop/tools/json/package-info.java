/** JSON query tool: JSON Pointer and JsonPath over API payloads. */
@NullMarked
package dev.agentloop.tools.json;

import org.jspecify.annotations.NullMarked;
