/** Internal implementation of toolboxes: declaration checks, binding, invocation; not API. */
@NullMarked
package dev.agentloop.tool.impl;

import org.jspecify.annotations.NullMarked;
