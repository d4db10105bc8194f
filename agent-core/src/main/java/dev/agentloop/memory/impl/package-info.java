/** Implementation of conversation memory. Internal: not part of the public API. */
@NullMarked
package dev.agentloop.memory.impl;

import org.jspecify.annotations.NullMarked;
